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

        // Requests are counted, not kept: a list of 60,000 finished tasks would keep every response alive to the end,
        // and the collector would then spend the run promoting the benchmark's own garbage.
        var outstanding = new Outstanding(sequence.Count);
        var ticksPerRequest = (double)Stopwatch.Frequency / rate;
        var dispatcher = new Thread(() =>
        {
            var start = Stopwatch.GetTimestamp();
            result.Started = start;
            for (var i = 0; i < sequence.Count; i++)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    outstanding.Done(sequence.Count - i);
                    return;
                }

                var due = start + (long)(i * ticksPerRequest);
                WaitUntil(due);
                _ = SendAsync(i, targets[sequence[i]], due, result, outstanding, cancellationToken);
            }
        })
        {
            IsBackground = true,
            Name = "read-latency dispatcher",
        };
        dispatcher.Start();
        await outstanding.AllDone;
        cancellationToken.ThrowIfCancellationRequested();
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

    private async Task SendAsync(int index, Uri target, long scheduled, LoadResult result, Outstanding outstanding, CancellationToken cancellationToken)
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
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            // Counted as a failed request below; the run goes on, as a real client's would.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            result.Record(index, scheduled, sent, Stopwatch.GetTimestamp(), ok);
            outstanding.Done();
        }
    }

    /// <summary>Counts down the requests still to answer; completes when the last one is.</summary>
    private sealed class Outstanding(int count)
    {
        private readonly TaskCompletionSource _allDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _remaining = count;

        public Task AllDone => Volatile.Read(ref _remaining) == 0 ? Task.CompletedTask : _allDone.Task;

        public void Done(int requests = 1)
        {
            if (Interlocked.Add(ref _remaining, -requests) == 0)
            {
                _allDone.TrySetResult();
            }
        }
    }
}
