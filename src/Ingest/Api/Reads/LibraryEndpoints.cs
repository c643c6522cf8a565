using GymCoach.Workers.ReadSide;
using Microsoft.AspNetCore.Http;

namespace GymCoach.Ingest.Api.Reads;

/// <summary><c>GET /v1/exercises</c> and <c>GET /v1/plans</c>: static documents, precomputed with their ETags, cached an hour here and by clients.</summary>
internal sealed class LibraryEndpoints(ReadCaches caches)
{
    /// <summary>The same for every caller, so shared caches may keep it as long as the API does.</summary>
    private const string CacheControl = "public, max-age=3600";

    public IResult GetExercises(HttpContext http) => CachedResponse.Send(http, caches.Exercises.Get(), CacheControl);

    public IResult GetPlans(HttpContext http) => CachedResponse.Send(http, caches.Plans.Get(), CacheControl);
}
