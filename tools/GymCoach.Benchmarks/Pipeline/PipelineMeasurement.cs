using System.Diagnostics;
using System.Globalization;
using GymCoach.Aws.DynamoDb;
using GymCoach.Cli.Demo;
using GymCoach.Cli.Hosting;
using GymCoach.Cli.Terminal;
using GymCoach.Contracts.Queueing;
using GymCoach.Workers.Caching;
using GymCoach.Workers.Publishing;
using Serilog;

namespace GymCoach.Benchmarks.Pipeline;

/// <summary>Runs GymCoach's two workers, composed as <c>gymcoach demo</c> composes them, over a prefilled writes queue until the analytics settle.</summary>
internal sealed class PipelineMeasurement(CountedBackend counted, ILogger logger)
{
    /// <summary>Messages per call of the prefill: the sends go out in batches of 10, this many at once.</summary>
    private const int PrefillSlice = 1_000;

    private readonly DemoVerifier _verifier = new(counted.Inner);
    private readonly PipelineSettings _settings = DemoRunner.Settings(faults: null);

    /// <summary>Stores <paramref name="messages"/> through the pipeline, unmeasured.</summary>
    public async Task StoreHistoryAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        await RunUntilSettledAsync(messages, cancellationToken);

        // Stopping cancels the runners' long polls, but the queue may still answer one with messages nobody reads (fauxqs
        // does, as SQS may when a connection drops); those would stay invisible for a visibility timeout in the measured run.
        var longestPoll = _settings.Writes.PollWaitTime > _settings.Analytics.PollWaitTime ? _settings.Writes.PollWaitTime : _settings.Analytics.PollWaitTime;
        await Task.Delay(longestPoll + TimeSpan.FromSeconds(1), cancellationToken);
    }

    /// <summary>Measures <paramref name="messages"/> from a zero count, then checks every user's analytics against <paramref name="expected"/>.</summary>
    public async Task<ConsumerFigures> MeasureAsync(IReadOnlyList<OutgoingMessage> messages, Workload expected, CancellationToken cancellationToken)
    {
        counted.Store.Reset();
        var dynamoDbBefore = (counted.Inner.Store as DynamoDbItemStore)?.Statistics;
        var deadLettersBefore = await _verifier.CountDeadLettersAsync(cancellationToken);
        var (elapsed, pipeline) = await RunUntilSettledAsync(messages, cancellationToken);
        var operations = counted.Store.Snapshot();
        var dynamoDbAfter = (counted.Inner.Store as DynamoDbItemStore)?.Statistics;
        var deadLetters = await _verifier.CountDeadLettersAsync(cancellationToken) - deadLettersBefore;

        // Every dead letter since the start counts against the check, those of the history too.
        var check = await _verifier.VerifyAsync(expected, deadLettersBefore: 0, rejected: 0, cancellationToken);
        var writes = pipeline.WritesRunner.Stats;
        var analytics = pipeline.AnalyticsRunner.Stats;
        return new ConsumerFigures(
            "pipeline",
            messages.Count,
            elapsed,
            check,
            writes.Redeliveries + analytics.Redeliveries,
            deadLetters,
            analytics.MessagesDeleted,
            operations,
            dynamoDbAfter?.Requests - dynamoDbBefore?.Requests,
            dynamoDbAfter is { } after && dynamoDbBefore is { } before
                ? string.Create(CultureInfo.InvariantCulture, $"{after.Retries - before.Retries:N0} retries, {after.Throttles - before.Throttles:N0} throttles")
                : null,
            [("writes worker", writes.InvocationDuration), ("analytics worker", analytics.InvocationDuration)]);
    }

    private async Task<(TimeSpan Elapsed, LocalPipeline Pipeline)> RunUntilSettledAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        for (var start = 0; start < messages.Count; start += PrefillSlice)
        {
            var slice = messages.Skip(start).Take(PrefillSlice).ToArray();
            var failed = (await RetryingBatchSend.SendAsync(counted.WritesQueue, slice, cancellationToken: cancellationToken)).FirstOrDefault(o => !o.Succeeded);
            if (failed is not null)
            {
                throw new InvalidOperationException($"prefilling {counted.WritesQueue.Name} failed: {failed.Error}");
            }
        }

        // A pipeline per phase: its runners' counters and durations start from zero.
        var pipeline = await LocalPipeline.CreateAsync(counted, _settings, TimeProvider.System, logger, new AnalyticsCache(new CacheOptions()), cancellationToken: cancellationToken);
        var line = ProgressLine.ForStandardError();
        var progress = new DemoProgress(messages.Count, pipeline, counted, line);
        progress.Produced(messages.Count);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = Stopwatch.StartNew();
        var running = pipeline.RunAsync(stopping.Token);
        try
        {
            var drained = progress.WaitUntilDrainedAsync(clock, stopping.Token);
            if (await Task.WhenAny(drained, running) == running)
            {
                await running;
                throw new InvalidOperationException("the pipeline stopped before the queues drained");
            }

            return (await drained, pipeline);
        }
        finally
        {
            line.Finish();
            await stopping.CancelAsync();
            await running;
        }
    }
}
