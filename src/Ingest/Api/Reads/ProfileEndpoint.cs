using GymCoach.Contracts.Validation;
using GymCoach.Ingest.Api.Problems;
using GymCoach.Workers.ReadSide;
using Microsoft.AspNetCore.Http;

namespace GymCoach.Ingest.Api.Reads;

/// <summary><c>GET /v1/users/{userId}/profile</c>: the stored profile, cache-first (5 minutes), with an ETag.</summary>
/// <remarks>
/// <c>private, no-cache</c>: a client may keep the profile but revalidates it on each use (a cheap 304), so it shows
/// what the API serves; the API's own cache is what bounds staleness, to its time to live after an update is stored.
/// </remarks>
internal sealed class ProfileEndpoint(ReadCaches caches)
{
    private const string CacheControl = "private, no-cache";

    public async Task<IResult> GetAsync(string userId, HttpContext http, CancellationToken cancellationToken)
    {
        // The rule every write obeys, so any id that could be stored can be read, and nothing else is looked up.
        if (EventValidator.ValidateId("userId", userId) is { Count: > 0 } errors)
        {
            return Problem.InvalidFields(errors);
        }

        if (await caches.ProfileReader.GetJsonAsync(userId, cancellationToken) is not { } profile)
        {
            return Problem.NotFound("No profile for this user", "Unknown user, or none of their profile updates has been processed yet.");
        }

        return CachedResponse.Send(http, profile, CacheControl);
    }
}
