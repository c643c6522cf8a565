using GymCoach.Contracts.Queueing;
using GymCoach.Embedded.EventSource;
using GymCoach.Embedded.Queueing;
using GymCoach.Workers.Publishing;

namespace GymCoach.Workers.Tests.EventSource;

[Trait("Category", "Slow")]
public sealed class LocalEventSourceRunnerTests : IAsyncDisposable
{
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan FunctionTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly EmbeddedQueue _queue = new(new EmbeddedQueueOptions { Name = "runner-tests", VisibilityTimeout = Visibility });
    private readonly CancellationTokenSource _stopping = new();
    private Task? _running;

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_running is not null)
        {
            await _running;
        }

        _stopping.Dispose();
    }

    [Fact]
    public async Task SucceededMessagesAreDeleted_ReportedFailuresComeBackAfterTheVisibilityTimeout()
    {
        var ids = await SendAsync(5);
        var function = new ScriptedFunction((e, invocation) =>
            Task.FromResult(invocation == 1 ? ScriptedFunction.Failing(ids[2]) : ScriptedFunction.Success));

        var runner = await StartAsync(function, new EventSourceOptions { BatchSize = 10, MaximumBatchingWindow = TimeSpan.Zero });

        await Poll.UntilAsync(() => runner.Stats.MessagesDeleted == 5, Timeout);
        var redelivered = function.Events.Skip(1).SelectMany(e => e.Records).ToList();
        var retry = Assert.Single(redelivered);
        Assert.Equal(ids[2], retry.MessageId);
        Assert.Equal(2, retry.ApproximateReceiveCount);
        Assert.Equal(1, runner.Stats.MessagesReportedFailed);
        Assert.Equal(0, (await _queue.GetCountsAsync(CancellationToken.None)).Total);
    }

    [Fact]
    public async Task FunctionThrows_TheWholeBatchIsRetried()
    {
        await SendAsync(4);
        var function = new ScriptedFunction((e, invocation) =>
            invocation == 1 ? throw new InvalidOperationException("crash") : Task.FromResult(ScriptedFunction.Success));

        var runner = await StartAsync(function, new EventSourceOptions { BatchSize = 10, MaximumBatchingWindow = TimeSpan.Zero });

        await Poll.UntilAsync(() => runner.Stats.MessagesDeleted == 4, Timeout);
        Assert.Equal(1, runner.Stats.FailedInvocations);
        Assert.All(function.Events.Skip(1).SelectMany(e => e.Records), m => Assert.Equal(2, m.ApproximateReceiveCount));
        Assert.Equal(4, function.Events.Skip(1).Sum(e => e.Records.Count));
    }

    [Theory]
    [InlineData("not-in-this-batch")]
    [InlineData("")]
    [InlineData(null)]
    public async Task UnknownOrEmptyItemIdentifier_TheWholeBatchIsRetried(string? identifier)
    {
        await SendAsync(3);
        var function = new ScriptedFunction((e, invocation) =>
            Task.FromResult(invocation == 1 ? ScriptedFunction.Failing(identifier) : ScriptedFunction.Success));

        var runner = await StartAsync(function, new EventSourceOptions { BatchSize = 10, MaximumBatchingWindow = TimeSpan.Zero });

        await Poll.UntilAsync(() => runner.Stats.MessagesDeleted == 3, Timeout);
        Assert.Equal(1, runner.Stats.FailedInvocations);
        Assert.Equal(3, function.Events.Skip(1).Sum(e => e.Records.Count));
    }

    [Fact]
    public async Task BatchingWindow_GathersMoreThanOneReceiveIntoOneInvocation_UpToTheBatchSize()
    {
        await SendAsync(45);
        var function = new ScriptedFunction((e, _) => Task.FromResult(ScriptedFunction.Success));

        var runner = await StartAsync(function, new EventSourceOptions { BatchSize = 30, MaximumBatchingWindow = TimeSpan.FromSeconds(1), MaximumConcurrency = 2 });

        await Poll.UntilAsync(() => runner.Stats.MessagesDeleted == 45, Timeout);
        var sizes = function.Events.Select(e => e.Records.Count).ToList();
        Assert.All(sizes, size => Assert.InRange(size, 1, 30));
        Assert.Contains(sizes, size => size > 10);
    }

    [Fact]
    public async Task MaximumConcurrency_BoundsConcurrentInvocations()
    {
        await SendAsync(40);
        var function = new ScriptedFunction(async (e, _) =>
        {
            await Task.Delay(150);
            return ScriptedFunction.Success;
        });

        var runner = await StartAsync(function, new EventSourceOptions { BatchSize = 5, MaximumBatchingWindow = TimeSpan.Zero, MaximumConcurrency = 3 });

        await Poll.UntilAsync(() => runner.Stats.MessagesDeleted == 40, Timeout);
        Assert.Equal(3, function.MaxConcurrent);
    }

    [Fact]
    public async Task EventsCarryTheQueueArnAndReceiptHandles()
    {
        await SendAsync(1);
        var function = new ScriptedFunction((e, _) => Task.FromResult(ScriptedFunction.Success));

        var runner = await StartAsync(function, new EventSourceOptions { BatchSize = 10, MaximumBatchingWindow = TimeSpan.Zero });

        await Poll.UntilAsync(() => runner.Stats.MessagesDeleted == 1, Timeout);
        var message = Assert.Single(function.Events.Single().Records);
        Assert.Equal(_queue.Arn, message.EventSourceArn);
        Assert.Equal("aws:sqs", message.EventSource);
        Assert.False(string.IsNullOrEmpty(message.ReceiptHandle));
    }

    [Fact]
    public async Task Stopping_LetsTheInFlightBatchFinishAndBeDeleted()
    {
        await SendAsync(3);
        var entered = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var function = new ScriptedFunction(async (e, _) =>
        {
            entered.TrySetResult();
            await release.Task;
            return ScriptedFunction.Success;
        });
        var runner = await StartAsync(function, new EventSourceOptions { BatchSize = 10, MaximumBatchingWindow = TimeSpan.Zero });
        await entered.Task.WaitAsync(Timeout);

        await _stopping.CancelAsync();
        release.SetResult();
        await _running!.WaitAsync(Timeout);

        Assert.Equal(3, runner.Stats.MessagesDeleted);
        Assert.Equal(0, (await _queue.GetCountsAsync(CancellationToken.None)).Total);
    }

    [Fact]
    public async Task AnInvocationStillRunningAtTheFunctionTimeout_FailsTheWholeBatch_AndIsNotWaitedFor()
    {
        await SendAsync(3);
        var stuck = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var function = new ScriptedFunction(async (e, invocation) =>
        {
            if (invocation == 1)
            {
                await stuck.Task; // Ignores its token, as a handler blocked on a call without one would.
            }

            return ScriptedFunction.Success;
        });

        try
        {
            var runner = await StartAsync(function, new EventSourceOptions { BatchSize = 10, MaximumBatchingWindow = TimeSpan.Zero });

            await Poll.UntilAsync(() => runner.Stats.TimedOutInvocations == 1 && runner.Stats.InFlightInvocations == 0, Timeout);
            Assert.Equal(1, runner.Stats.RunningPastTimeout);
            Assert.Equal(1, runner.Stats.FailedInvocations);
            Assert.True(function.Tokens.First().IsCancellationRequested, "The timed-out invocation's token was not cancelled.");

            // Nothing of the batch was deleted: it comes back after the visibility timeout, while the first invocation still hangs.
            await Poll.UntilAsync(() => runner.Stats.MessagesDeleted == 3, Timeout);
            Assert.All(function.Events.Skip(1).SelectMany(e => e.Records), m => Assert.Equal(2, m.ApproximateReceiveCount));
            Assert.Equal(1, runner.Stats.RunningPastTimeout);

            await _stopping.CancelAsync();
            await _running!.WaitAsync(Timeout);

            stuck.SetResult();
            await Poll.UntilAsync(() => runner.Stats.RunningPastTimeout == 0, Timeout);
        }
        finally
        {
            stuck.TrySetResult();
        }
    }

    [Fact]
    public async Task AQueueWhoseVisibilityTimeoutIsShorterThanTheFunctionTimeout_IsRefused_AsAwsRefusesTheMapping()
    {
        var queue = new EmbeddedQueue(new EmbeddedQueueOptions { Name = "too-short", VisibilityTimeout = TimeSpan.FromSeconds(5) });
        var function = new ScriptedFunction((e, _) => Task.FromResult(ScriptedFunction.Success));

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            LocalEventSourceRunner.CreateAsync(queue, function, new EventSourceOptions { FunctionTimeout = TimeSpan.FromSeconds(30) }));

        Assert.Contains("too-short", error.Message, StringComparison.Ordinal);
        Assert.Contains("Queue visibility timeout: 5 seconds is less than Function timeout: 30 seconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVisibilityTimeoutAsLongAsTheFunctionTimeout_IsAccepted()
    {
        var queue = new EmbeddedQueue(new EmbeddedQueueOptions { Name = "just-enough", VisibilityTimeout = TimeSpan.FromSeconds(30) });
        var function = new ScriptedFunction((e, _) => Task.FromResult(ScriptedFunction.Success));

        var runner = await LocalEventSourceRunner.CreateAsync(queue, function, new EventSourceOptions { FunctionTimeout = TimeSpan.FromSeconds(30) });

        Assert.Equal(0, runner.Stats.Invocations);
    }

    [Theory]
    [InlineData(11, 0, 2, false, "at least 1 second")]
    [InlineData(10_001, 1, 2, false, "BatchSize must be between 1 and 10000")]
    [InlineData(11, 1, 2, true, "for a FIFO queue")]
    [InlineData(10, 0, 1, false, "MaximumConcurrency must be between 2 and 1000")]
    public void InvalidSettings_AreRejectedInTheServicesTerms(int batchSize, int windowSeconds, int concurrency, bool fifo, string expected)
    {
        var options = new EventSourceOptions { BatchSize = batchSize, MaximumBatchingWindow = TimeSpan.FromSeconds(windowSeconds), MaximumConcurrency = concurrency };

        var errors = options.Validate(fifo);

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void AVisibilityTimeoutShorterThanTheFunctionTimeout_IsReportedWithTheOtherErrors_NamingBothValues()
    {
        var options = new EventSourceOptions { BatchSize = 0, FunctionTimeout = TimeSpan.FromSeconds(1.5) };

        var errors = options.Validate(fifoQueue: false, queueVisibilityTimeout: TimeSpan.FromMilliseconds(400));

        Assert.Equal(2, errors.Count);
        Assert.Contains("Queue visibility timeout: 0.4 seconds is less than Function timeout: 1.5 seconds.", errors);
    }

    private async Task<LocalEventSourceRunner> StartAsync(ScriptedFunction function, EventSourceOptions options)
    {
        options.PollWaitTime = TimeSpan.FromMilliseconds(200);
        if (options.FunctionTimeout == new EventSourceOptions().FunctionTimeout)
        {
            options.FunctionTimeout = FunctionTimeout;
        }

        var runner = await LocalEventSourceRunner.CreateAsync(_queue, function, options);
        _running = runner.RunAsync(_stopping.Token);
        return runner;
    }

    private async Task<string[]> SendAsync(int count)
    {
        var messages = Enumerable.Range(0, count).Select(i => new OutgoingMessage { Body = $"message {i}" }).ToList();
        var outcomes = await RetryingBatchSend.SendAsync(_queue, messages);
        return [.. outcomes.Select(o => o.MessageId!)];
    }
}
