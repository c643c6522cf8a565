using System.Diagnostics;
using GymCoach.Cli.Backends;
using GymCoach.Cli.Hosting;
using GymCoach.Cli.Terminal;
using GymCoach.Contracts.Queueing;
using GymCoach.Workers.Batching;
using GymCoach.Workers.EventSource;
using Serilog;

namespace GymCoach.Cli.Demo;

/// <summary>The main job: a synthetic workload through producers, both queues, both workers and the store, then a check of the result.</summary>
internal sealed class DemoRunner(DemoOptions options, IBackend backend, ProgressLine progress, ILogger logger)
{
    private const int ProducerConcurrency = 4;
    private const int ProducerSlice = 100;

    /// <summary>How the demo drives the workers: the design's 5 chunks of 100 per invocation, and quick retries.</summary>
    /// <remarks>The short visibility timeout lets injected failures come back within seconds instead of the production 6 × timeout.</remarks>
    public static PipelineSettings Settings(FaultInjector? faults) => new()
    {
        Writes = new EventSourceOptions { BatchSize = 500, MaximumBatchingWindow = TimeSpan.FromSeconds(1), MaximumConcurrency = 4, FunctionTimeout = TimeSpan.FromSeconds(30) },
        Analytics = new EventSourceOptions { BatchSize = 500, MaximumBatchingWindow = TimeSpan.FromSeconds(1), MaximumConcurrency = 2, FunctionTimeout = TimeSpan.FromSeconds(30) },
        Processor = new BatchProcessorOptions(),
        DecorateHandler = faults is null ? null : faults.Wrap,
    };

    public async Task<DemoResult> RunAsync(CancellationToken cancellationToken)
    {
        var workload = new WorkloadGenerator(options).Generate();
        logger.Information(
            "Workload: {Users} users, {Workouts} workouts, {Messages} messages ({Duplicates} duplicates, {DeadLetters} invalid or conflicting)",
            options.Users, options.Workouts, workload.MessageCount, workload.Duplicates, workload.ExpectedDeadLetters);

        var verifier = new DemoVerifier(backend);
        var deadLettersBefore = await verifier.CountDeadLettersAsync(cancellationToken);
        var faults = options.FailureRate > 0 ? new FaultInjector(options.FailureRate, options.Seed) : null;
        var pipeline = new LocalPipeline(backend, Settings(faults), TimeProvider.System, logger);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = pipeline.RunAsync(stopping.Token);
        var clock = Stopwatch.StartNew();
        var tracker = new DemoProgress(workload.MessageCount, pipeline, backend, progress);
        try
        {
            await ProduceAsync(workload.FirstWave, tracker, cancellationToken);
            await tracker.WaitUntilDrainedAsync(clock, cancellationToken);
            await ProduceAsync(workload.SecondWave, tracker, cancellationToken);
            await tracker.WaitUntilDrainedAsync(clock, cancellationToken);
        }
        finally
        {
            await stopping.CancelAsync();
            await running;
            progress.Finish();
        }

        clock.Stop();
        var check = await verifier.VerifyAsync(workload, deadLettersBefore, cancellationToken);
        return new DemoResult(options, workload, clock.Elapsed, pipeline.WritesRunner.Stats, pipeline.AnalyticsRunner.Stats, faults?.Injected ?? 0, check);
    }

    private async Task ProduceAsync(IReadOnlyList<OutgoingMessage> messages, DemoProgress tracker, CancellationToken cancellationToken)
    {
        var slices = new List<ArraySegment<OutgoingMessage>>();
        var all = messages.ToArray();
        for (var start = 0; start < all.Length; start += ProducerSlice)
        {
            slices.Add(new ArraySegment<OutgoingMessage>(all, start, Math.Min(ProducerSlice, all.Length - start)));
        }

        await Parallel.ForEachAsync(
            slices,
            new ParallelOptions { MaxDegreeOfParallelism = ProducerConcurrency, CancellationToken = cancellationToken },
            async (slice, token) =>
            {
                var outcomes = await backend.WritesQueue.SendAllAsync(slice, token);
                foreach (var outcome in outcomes)
                {
                    if (!outcome.Succeeded)
                    {
                        throw new InvalidOperationException($"the writes queue refused a message: {outcome.Error}");
                    }
                }

                tracker.Produced(slice.Count);
            });
    }
}
