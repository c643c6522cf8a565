using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Batching;

public sealed class ChunkingTests
{
    [Fact]
    public async Task TwoHundredFiftyMessages_AreHandledInChunksOf100_100_And50()
    {
        var harness = new ProcessorHarness();
        var sqsEvent = SqsEventBuilder.StandardEvent(250);

        var outcome = await harness.RunAsync(sqsEvent);

        var scopes = harness.Handler.Scopes.ToList();
        Assert.Equal([50, 100, 100], scopes.Select(s => s.Handled.Count).Order());
        var chunks = scopes.Select(s => s.Handled).OrderBy(h => h[0], StringComparer.Ordinal).ToList();
        for (var chunk = 0; chunk < chunks.Count; chunk++)
        {
            var expected = Enumerable.Range(chunk * 100, chunks[chunk].Count).Select(SqsEventBuilder.IdOf);
            Assert.Equal(expected, chunks[chunk]);
        }

        Assert.Equal(250, outcome.Succeeded);
        Assert.Empty(outcome.Response.BatchItemFailures);
    }

    [Fact]
    public async Task EachScope_IsCompletedWithExactlyItsHandledMessages_AndDisposed()
    {
        var harness = new ProcessorHarness(new BatchProcessorOptions { ChunkSize = 10 });
        harness.Handler.HandleFailures[SqsEventBuilder.IdOf(3)] = new TimeoutException("throttled");

        await harness.RunAsync(SqsEventBuilder.StandardEvent(25));

        Assert.Equal(3, harness.Handler.Scopes.Count);
        Assert.All(harness.Handler.Scopes, scope =>
        {
            Assert.Equal(scope.Handled.Where(id => id != SqsEventBuilder.IdOf(3)), scope.Completed);
            Assert.True(scope.Disposed);
        });
    }

    [Fact]
    public async Task ChunkIndexes_ReachTheObserver_WithSizes()
    {
        var harness = new ProcessorHarness(new BatchProcessorOptions { ChunkSize = 100 });

        await harness.RunAsync(SqsEventBuilder.StandardEvent(250));

        Assert.Equal([(0, 100, 0), (1, 100, 0), (2, 50, 0)], harness.Observer.Chunks.OrderBy(c => c.ChunkIndex));
        var batch = Assert.Single(harness.Observer.Batches);
        Assert.Equal(250, batch.Succeeded);
    }

    [Fact]
    public async Task AnEmptyEvent_SucceedsWithoutOpeningAScope()
    {
        var harness = new ProcessorHarness();

        var outcome = await harness.RunAsync(new SqsEvent { Records = [] });

        Assert.Empty(harness.Handler.Scopes);
        Assert.Empty(outcome.Response.BatchItemFailures);
        Assert.Equal(0, outcome.Total);
    }

    [Fact]
    public async Task TheProcessor_KeepsTheOptionsItWasBuiltWith()
    {
        var options = new BatchProcessorOptions { ChunkSize = 10 };
        var harness = new ProcessorHarness(options);
        var processor = harness.CreateProcessor();
        options.ChunkSize = 1000;

        await processor.ProcessAsync(SqsEventBuilder.StandardEvent(25), harness.Handler, harness.Time.GetUtcNow().AddMinutes(5), CancellationToken.None);

        Assert.Equal(3, harness.Handler.Scopes.Count);
    }
}
