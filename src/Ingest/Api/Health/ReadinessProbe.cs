using System.Text.Json;
using GymCoach.Ingest.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GymCoach.Ingest.Api.Health;

/// <summary><c>GET /ready</c>: the writes queue answers GetCounts and the store answers a read, both within the readiness timeout.</summary>
internal sealed class ReadinessProbe(IngestBackend backend, IngestApiOptions options, ILogger<ReadinessProbe> logger)
{
    private const string ProbePartition = "READY#probe";
    private const string ProbeSortKey = "READY";

    public async Task<IResult> CheckAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ReadinessTimeout);
        var queue = ProbeAsync("queue", () => backend.WritesQueue.GetCountsAsync(timeout.Token));
        var store = ProbeAsync("store", () => backend.Store.GetAsync(ProbePartition, ProbeSortKey, timeout.Token));
        var report = new ReadinessReport("ready", await queue, await store);
        var ready = report.Queue == "ok" && report.Store == "ok";
        var body = JsonSerializer.SerializeToUtf8Bytes(ready ? report : report with { Status = "unready" }, IngestJsonContext.Default.ReadinessReport);
        return new JsonBytesResult(ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, body);
    }

    private async Task<string> ProbeAsync(string dependency, Func<Task> probe)
    {
        string status;
        try
        {
            // WaitAsync too, in case an implementation does not honour the token.
            await probe().WaitAsync(options.ReadinessTimeout);
            return "ok";
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
            status = "timeout";
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            status = "unreachable";
        }

        IngestLog.NotReady(logger, dependency, status);
        return status;
    }
}
