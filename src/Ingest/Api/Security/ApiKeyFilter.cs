using System.Globalization;
using GymCoach.Ingest.Api.Http;
using GymCoach.Ingest.Api.Problems;
using Microsoft.AspNetCore.Http;

namespace GymCoach.Ingest.Api.Security;

/// <summary>Admits a request to an endpoint only with a known key (401), allowed the endpoint's operation (403), within the key's rate (429).</summary>
internal sealed class ApiKeyFilter(ApiOperation operation, ApiKeyAuthenticator authenticator, ApiKeyRateLimiter rateLimiter) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var caller = authenticator.Authenticate(http.Request.Headers[ApiHeaders.ApiKey]);
        if (caller is null)
        {
            http.Response.Headers.WWWAuthenticate = ApiHeaders.ApiKeyChallenge;
            return ValueTask.FromResult<object?>(Problem.Unauthorized());
        }

        if (!caller.May(operation))
        {
            return ValueTask.FromResult<object?>(Problem.Forbidden(ApiOperations.Name(operation)));
        }

        if (rateLimiter.TryAcquire(caller) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return ValueTask.FromResult<object?>(Problem.TooManyRequests(seconds));
        }

        http.Features.Set(caller);
        return next(context);
    }
}
