namespace GymCoach.Workers.Caching;

/// <summary>A cache's lookups so far: how many found a live entry and how many did not.</summary>
/// <param name="CacheType">One of <see cref="CacheTypes"/>.</param>
public readonly record struct CacheStatistics(string CacheType, long Hits, long Misses)
{
    /// <summary>Hits over all lookups, 0 to 1; null before the first lookup.</summary>
    public double? HitRate => Hits + Misses > 0 ? (double)Hits / (Hits + Misses) : null;
}
