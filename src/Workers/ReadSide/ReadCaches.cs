using GymCoach.Contracts.Storage;
using GymCoach.Workers.Caching;

namespace GymCoach.Workers.ReadSide;

/// <summary>The read API's caches besides analytics: profiles (user data) and the two static documents, with their readers.</summary>
/// <remarks>One instance per process, shared by the API and whatever reports the caches' hits and misses (metrics, the local dashboard).</remarks>
public sealed class ReadCaches
{
    public ReadCaches(IItemStore store, CacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        Profiles = new ProfileCache(options);
        ProfileReader = new ProfileReader(store, Profiles);
        Exercises = new StaticDocumentCache(CacheTypes.Exercises, static () => LibraryDocuments.ExerciseLibraryJson, options);
        Plans = new StaticDocumentCache(CacheTypes.Plans, static () => LibraryDocuments.PlanLibraryJson, options);
    }

    public ProfileCache Profiles { get; }

    public ProfileReader ProfileReader { get; }

    public StaticDocumentCache Exercises { get; }

    public StaticDocumentCache Plans { get; }

    /// <summary>Each cache's hits and misses so far, in <see cref="CacheTypes"/> order.</summary>
    public IReadOnlyList<CacheStatistics> Statistics() => [Profiles.Statistics, Exercises.Statistics, Plans.Statistics];
}
