using System.Globalization;
using GymCoach.Ingest.Api.Http;
using GymCoach.Ingest.Api.Problems;
using Microsoft.AspNetCore.Http;

namespace GymCoach.Ingest.Api.Security;

/// <summary>
/// Admits a request to an endpoint only from an address not locked out for wrong keys (429), with a known key (401),
/// allowed the endpoint's operation (403), within the key's rate (429).
/// </summary>
/// <remarks>With <see cref="ApiOperation.None"/> any valid key is allowed: for data that is the same for every caller (the exercise library, the plans).</remarks>
internal sealed class ApiKeyFilter(
    ApiOperation operation, ApiKeyAuthenticator authenticator, ApiKeyRateLimiter rateLimiter, FailedAuthenticationLimiter failures) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var address = http.Connection.RemoteIpAddress;
        if (failures.LockedFor(address) is { } locked)
        {
            return ValueTask.FromResult<object?>(Problem.TooManyFailedAuthentications(RetryAfter(http, locked)));
        }

        var header = http.Request.Headers[ApiHeaders.ApiKey];
        var caller = authenticator.Authenticate(header);
        if (caller is null)
        {
            // A request without a key guesses nothing; only keys that were tried count against the address.
            if (header.Count > 0)
            {
                failures.RecordFailure(address);
            }

            http.Response.Headers.WWWAuthenticate = ApiHeaders.ApiKeyChallenge;
            return ValueTask.FromResult<object?>(Problem.Unauthorized());
        }

        if (!caller.May(operation))
        {
            return ValueTask.FromResult<object?>(Problem.Forbidden(ApiOperations.Name(operation)));
        }

        if (rateLimiter.TryAcquire(caller) is { } wait)
        {
            return ValueTask.FromResult<object?>(Problem.TooManyRequests(RetryAfter(http, wait)));
        }

        http.Features.Set(caller);
        return next(context);
    }

    /// <summary>Sets <c>Retry-After</c> in whole seconds, at least 1, and returns them.</summary>
    internal static int RetryAfter(HttpContext http, TimeSpan wait)
    {
        var seconds = (int)Math.Clamp(Math.Ceiling(wait.TotalSeconds), 1, int.MaxValue);
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return seconds;
    }
}
