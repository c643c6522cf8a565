namespace GymCoach.Workers.Caching;

/// <summary>Which entries a full cache evicts.</summary>
public enum CachePolicy
{
    /// <summary>BitFaster.Caching's <c>ConcurrentLru</c>: a segmented LRU (hot, warm and cold queues), evicting the least recently used.</summary>
    Lru,

    /// <summary>BitFaster.Caching's <c>ConcurrentLfu</c> (W-TinyLFU): admits a new entry over the victim only when it is requested more often.</summary>
    Lfu,
}
