using GymCoach.Workers.Batching;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Batching;

public sealed class ConcurrencyTests
{
    private static readonly TimeSpan GateTimeout = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(5)]
    [InlineData(3)]
    [InlineData(1)]
    public async Task ConcurrentScopes_ReachButNeverExceedTheBound(int maxConcurrentChunks)
    {
        var harness = new ProcessorHarness(new BatchProcessorOptions { ChunkSize = 10, MaxConcurrentChunks = maxConcurrentChunks });
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Handler.OnHandle = async (_, cancellationToken) =>
        {
            // Hold every scope until the bound is reached, so reaching it does not depend on timing.
            if (harness.Handler.ActiveScopes >= maxConcurrentChunks)
            {
                gate.TrySetResult();
            }

            await gate.Task.WaitAsync(GateTimeout, cancellationToken);
        };

        var outcome = await harness.RunAsync(SqsEventBuilder.StandardEvent(200));

        Assert.Equal(maxConcurrentChunks, harness.Handler.MaxActiveScopes);
        Assert.Equal(20, harness.Handler.Scopes.Count);
        Assert.Equal(200, outcome.Succeeded);
    }

    [Fact]
    public async Task FewerChunksThanTheBound_RunWithoutWaitingForWork()
    {
        var harness = new ProcessorHarness(new BatchProcessorOptions { ChunkSize = 100, MaxConcurrentChunks = 5 });
        harness.Handler.OnHandle = async (_, _) => await Task.Yield();

        var outcome = await harness.RunAsync(SqsEventBuilder.StandardEvent(150));

        Assert.True(harness.Handler.MaxActiveScopes <= 2);
        Assert.Equal(150, outcome.Succeeded);
    }

    [Fact]
    public async Task MessagesWithinAChunk_AreNeverHandledConcurrently()
    {
        var harness = new ProcessorHarness(new BatchProcessorOptions { ChunkSize = 50, MaxConcurrentChunks = 4 });
        var inFlight = new int[4];
        var overlaps = 0;
        harness.Handler.OnHandle = async (message, _) =>
        {
            var chunk = int.Parse(message.MessageId.AsSpan(1), provider: null) / 50;
            if (Interlocked.Increment(ref inFlight[chunk]) > 1)
            {
                Interlocked.Increment(ref overlaps);
            }

            await Task.Yield();
            Interlocked.Decrement(ref inFlight[chunk]);
        };

        var outcome = await harness.RunAsync(SqsEventBuilder.StandardEvent(200));

        Assert.Equal(0, overlaps);
        Assert.Equal(200, outcome.Succeeded);
    }
}
