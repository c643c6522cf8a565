using GymCoach.Workers.Caching;

namespace GymCoach.Benchmarks.Reads;

/// <summary>What one cache policy's measured phase gave: latencies, rate, hit rate, and the process's collections.</summary>
internal sealed record PolicyFigures(
    CachePolicy Policy,
    int Requests,
    int Failures,
    double AchievedRate,
    Percentiles Latency,
    Percentiles SendLag,
    double HitRate,
    GcWindow Gc,
    TimeSpan LongestGcPause,
    int SlowRequests,
    int SlowRequestsDuringGc,
    TimeSpan SlowThreshold);
