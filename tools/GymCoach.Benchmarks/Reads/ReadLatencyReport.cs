using System.Globalization;
using GymCoach.Cli.Reports;

namespace GymCoach.Benchmarks.Reads;

/// <summary>Prints a <c>read-latency</c> run: one column per cache policy.</summary>
internal static class ReadLatencyReport
{
    public static void Write(ReadLatencyOptions options, double meanDocumentBytes, double bestHitRate, IReadOnlyList<PolicyFigures> figures, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine(Text($"read-latency: {options.Rate:N0} requests/s for {options.Seconds} s (after {options.WarmupSeconds} s unmeasured), {options.Users:N0} users drawn from Zipf s = {options.ZipfExponent}, cache of {options.CacheCapacity:N0}, seed {options.Seed}"));
        output.WriteLine(Text($"GET /v1/users/{{userId}}/analytics on Kestrel at 127.0.0.1, embedded store; documents of {meanDocumentBytes / 1024:N1} KiB on average; {ReadLatency.GcMode()}"));
        output.WriteLine("Latency from each request's scheduled start (open loop: a stall counts for every request due meanwhile).");
        output.WriteLine();

        var table = new TextTable(["", .. figures.Select(f => f.Policy.ToString().ToUpperInvariant())]);
        table.Add(["p50", .. figures.Select(f => Ms(f.Latency.P50))]);
        table.Add(["p99", .. figures.Select(f => Ms(f.Latency.P99))]);
        table.Add(["p99.9", .. figures.Select(f => Ms(f.Latency.P999))]);
        table.Add(["max", .. figures.Select(f => Ms(f.Latency.Max))]);
        table.Add(["send lag p50 / p99 (in the above)", .. figures.Select(f => $"{Ms(f.SendLag.P50)} / {Ms(f.SendLag.P99)}")]);
        table.Add(["achieved rate", .. figures.Select(f => Text($"{f.AchievedRate:N0}/s"))]);
        table.Add(["requests (failed)", .. figures.Select(f => Text($"{f.Requests:N0} ({f.Failures:N0})"))]);
        table.Add(["cache hit rate", .. figures.Select(f => Percent(f.HitRate))]);
        table.Add([Text($"best possible (top {options.CacheCapacity:N0} share)"), .. figures.Select(_ => Percent(bestHitRate))]);
        table.Add(["GCs gen0 / gen1 / gen2", .. figures.Select(f => Text($"{f.Gc.Gen0} / {f.Gc.Gen1} / {f.Gc.Gen2}"))]);
        table.Add(["GC pause total / longest", .. figures.Select(f => $"{Ms(f.Gc.PauseTime)} / {Ms(f.LongestGcPause)}")]);
        table.Add(["allocated per request", .. figures.Select(f => Text($"{f.Gc.AllocatedBytes / Math.Max(1, f.Requests):N0} B"))]);
        table.Add(["CPU per request (client and API)", .. figures.Select(f => Text($"{f.Gc.CpuTime.TotalMicroseconds / Math.Max(1, f.Requests):N0} µs"))]);
        table.Add(["requests over p99 during a GC pause", .. figures.Select(f => Text($"{f.SlowRequestsDuringGc:N0} of {f.SlowRequests:N0}"))]);
        output.Write(table);
    }

    private static string Ms(TimeSpan duration) => Text($"{duration.TotalMilliseconds:N2} ms");

    private static string Percent(double share) => Text($"{share * 100:N1}%");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
