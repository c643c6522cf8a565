namespace GymCoach.Workers.Metrics;

/// <summary>Something whose counters are read into a <see cref="MetricsRecorder"/> just before each flush (a cache, a store).</summary>
/// <remarks>Called from <see cref="MetricsRecorder.Flush"/>, possibly concurrently; implementations must be thread-safe and must not throw.</remarks>
public interface IMetricsSource
{
    void Sample(MetricsRecorder recorder);
}
