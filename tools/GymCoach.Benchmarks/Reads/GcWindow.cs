using System.Diagnostics;

namespace GymCoach.Benchmarks.Reads;

/// <summary>The process's collections, pause time, allocations and CPU time between two moments.</summary>
internal readonly record struct GcWindow(int Gen0, int Gen1, int Gen2, TimeSpan PauseTime, long AllocatedBytes, TimeSpan CpuTime)
{
    public static GcWindow Now() => new(
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2),
        GC.GetTotalPauseDuration(),
        GC.GetTotalAllocatedBytes(precise: true),
        Process.GetCurrentProcess().TotalProcessorTime);

    public GcWindow Since(GcWindow start) => new(
        Gen0 - start.Gen0,
        Gen1 - start.Gen1,
        Gen2 - start.Gen2,
        PauseTime - start.PauseTime,
        AllocatedBytes - start.AllocatedBytes,
        CpuTime - start.CpuTime);
}
