using System.Buffers;
using System.Diagnostics;
using System.Net;

namespace GymCoach.Benchmarks.Reads;

/// <summary>
/// Starts requests on a fixed timeline, whatever the earlier ones take (open loop), and times each from its scheduled
/// start, so a stall of the server is counted for every request that should have started meanwhile.
/// </summary>
/// <remarks>
/// A closed loop (N clients, each sending when its previous answer came) slows down with the server and so hides its
/// queueing: coordinated omission. The timeline is kept by a dedicated thread that sleeps in 1 ms steps and starts what
/// is due, rather than spinning on one of the machine's two cores; the 0–1 ms a request may wait for its start is part
/// of its latency, and reported on its own as the send lag.
/// </remarks>
internal sealed class OpenLoopLoad(HttpClient client, IReadOnlyList<Uri> targets)
{
    private const int ResponseBufferBytes = 64 * 1024;

    /// <summary>Sends <c>targets[sequence[i]]</c> at start + i / rate for every i, and waits for all answers.</summary>
    public async Task<LoadResult> RunAsync(IReadOnlyList<int> sequence, int rate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        var result = new LoadResult(sequence.Count);
        var requests = new Task[sequence.Count];
        var ticksPerRequest = (double)Stopwatch.Frequency / rate;
        var dispatcher = new Thread(() =>
        {
            var start = Stopwatch.GetTimestamp();
            result.Started = start;
            for (var i = 0; i < sequence.Count && !cancellationToken.IsCancellationRequested; i++)
            {
                var due = start + (long)(i * ticksPerRequest);
                WaitUntil(due);
                requests[i] = SendAsync(i, targets[sequence[i]], due, result, cancellationToken);
            }
        })
        {
            IsBackground = true,
            Name = "read-latency dispatcher",
        };
        dispatcher.Start();
        await Task.Run(dispatcher.Join, cancellationToken);
        await Task.WhenAll(requests.Where(r => r is not null));
        result.Finished = Stopwatch.GetTimestamp();
        return result;
    }

    private static void WaitUntil(long due)
    {
        while (Stopwatch.GetTimestamp() < due)
        {
            Thread.Sleep(1);
        }
    }

    private async Task SendAsync(int index, Uri target, long scheduled, LoadResult result, CancellationToken cancellationToken)
    {
        var sent = Stopwatch.GetTimestamp();
        var ok = false;
        var buffer = ArrayPool<byte>.Shared.Rent(ResponseBufferBytes);
        try
        {
            using var response = await client.GetAsync(target, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var length = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                length += read;
            }

            ok = response.StatusCode == HttpStatusCode.OK && length > 0;
        }
        catch (HttpRequestException)
        {
            // Counted as a failed request below; the run goes on, as a real client's would.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            result.Record(index, scheduled, sent, Stopwatch.GetTimestamp(), ok);
        }
    }
}
