using System.Collections.Concurrent;
using System.Globalization;
using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Batching;

/// <summary>The processor under a throttling downstream: fewer chunks at once, no failed message, and back to full concurrency after.</summary>
public sealed class ThrottlingTests
{
    private const int ChunkSize = 10;
    private long _throttles;

    [Fact]
    public async Task WhenEveryChunkIsThrottled_TheConcurrencyFallsToOne_AndEveryMessageStillSucceeds()
    {
        var harness = Harness();
        harness.Handler.OnHandle = async (_, _) =>
        {
            Interlocked.Increment(ref _throttles);
            await Task.Yield();
        };

        var outcome = await harness.RunAsync(SqsEventBuilder.StandardEvent(200));

        Assert.Equal(200, outcome.Succeeded);
        Assert.Equal((Limit: 1, Decreases: 2L), (harness.Concurrency!.Limit, harness.Concurrency.Decreases));
    }

    [Fact]
    public async Task OnceTheThrottlingStops_TheConcurrencyClimbsBack_AndNeverExceedsTheLimit()
    {
        var harness = Harness();
        harness.Handler.OnHandle = (_, _) =>
        {
            Interlocked.Increment(ref _throttles);
            return ValueTask.CompletedTask;
        };
        await harness.RunAsync(SqsEventBuilder.StandardEvent(200));
        Assert.Equal(1, harness.Concurrency!.Limit);

        var atStart = new ConcurrentQueue<(int Active, int Limit)>();
        harness.Handler.OnHandle = async (message, cancellationToken) =>
        {
            if (Position(message) % ChunkSize == 0)
            {
                // The limit only rises now, so the chunks running when one starts are never more than it.
                atStart.Enqueue((harness.Handler.ActiveScopes, harness.Concurrency.Limit));
            }

            await Task.Delay(1, cancellationToken);
        };
        var outcome = await harness.RunAsync(SqsEventBuilder.StandardEvent(200));

        Assert.Equal(200, outcome.Succeeded);
        Assert.All(atStart, start => Assert.InRange(start.Active, 1, start.Limit));
        Assert.Equal(5, harness.Concurrency.Limit);
        Assert.InRange(harness.Handler.MaxActiveScopes, 1, 5);
    }

    [Fact]
    public async Task ALoweredLimit_SurvivesIntoTheNextInvocation_ChunksThenRunOneAtATime()
    {
        var harness = Harness();
        harness.Handler.OnHandle = (_, _) =>
        {
            Interlocked.Increment(ref _throttles);
            return ValueTask.CompletedTask;
        };
        await harness.RunAsync(SqsEventBuilder.StandardEvent(100));
        var active = new ConcurrentBag<int>();
        harness.Handler.OnHandle = async (_, _) =>
        {
            Interlocked.Increment(ref _throttles);
            active.Add(harness.Handler.ActiveScopes);
            await Task.Yield();
        };

        var outcome = await harness.RunAsync(SqsEventBuilder.StandardEvent(100));

        Assert.Equal(100, outcome.Succeeded);
        Assert.All(active, count => Assert.Equal(1, count));
    }

    [Fact]
    public void ALimiterWhoseMaximumIsNotMaxConcurrentChunks_IsRefused()
    {
        var limiter = new ChunkConcurrencyLimiter(4);

        var error = Assert.Throws<ArgumentException>(() => new BatchProcessor(new BatchProcessorOptions { MaxConcurrentChunks = 5 }, concurrency: limiter));

        Assert.Contains("MaxConcurrentChunks (5)", error.Message, StringComparison.Ordinal);
    }

    private static int Position(SqsMessage message) => int.Parse(message.MessageId.AsSpan(1), CultureInfo.InvariantCulture);

    private ProcessorHarness Harness() => new(new BatchProcessorOptions { ChunkSize = ChunkSize, MaxConcurrentChunks = 5 })
    {
        Concurrency = new ChunkConcurrencyLimiter(5, () => Interlocked.Read(ref _throttles)),
    };
}
