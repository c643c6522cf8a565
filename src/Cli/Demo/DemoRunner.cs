using System.Diagnostics;
using GymCoach.Cli.Backends;
using GymCoach.Cli.Hosting;
using GymCoach.Cli.Terminal;
using GymCoach.Embedded.EventSource;
using GymCoach.Workers.Batching;
using Serilog;

namespace GymCoach.Cli.Demo;

/// <summary>The main job: a synthetic workload posted to the ingest API over HTTP, through both queues, both workers and the store, then a check of the result.</summary>
internal sealed class DemoRunner(DemoOptions options, IBackend backend, ProgressLine progress, ILogger logger)
{
    /// <summary>How the demo drives the workers: the design's 5 chunks of 100 per invocation, each invocation within the function timeout (default 30 s).</summary>
    public static PipelineSettings Settings(FaultInjector? faults, TimeSpan? functionTimeout = null)
    {
        var timeout = functionTimeout ?? PipelineSettings.DefaultFunctionTimeout;
        return new PipelineSettings
        {
            Writes = new EventSourceOptions { BatchSize = 500, MaximumBatchingWindow = PipelineSettings.BatchingWindow, MaximumConcurrency = 4, FunctionTimeout = timeout },
            Analytics = new EventSourceOptions { BatchSize = 1_000, MaximumBatchingWindow = PipelineSettings.BatchingWindow, MaximumConcurrency = 2, FunctionTimeout = timeout },
            Processor = new BatchProcessorOptions(),
            DecorateHandler = faults is null ? null : faults.Wrap,
        };
    }

    public async Task<DemoResult> RunAsync(CancellationToken cancellationToken)
    {
        var workload = new WorkloadGenerator(options).Generate();
        logger.Information(
            "Workload: {Users} users, {Workouts} workouts, {Messages} messages ({Duplicates} duplicates, {Conflicts} conflicting, {Invalid} invalid requests)",
            options.Users, options.Workouts, workload.MessageCount, workload.Duplicates, workload.ExpectedDeadLetters, workload.ExpectedRejections);

        var verifier = new DemoVerifier(backend);
        var deadLettersBefore = await verifier.CountDeadLettersAsync(cancellationToken);
        var faults = options.FailureRate > 0 ? new FaultInjector(options.FailureRate, options.Seed) : null;
        var settings = new ApiServerSettings { Port = 0, RequestsPerSecond = 1_000_000, Pipeline = Settings(faults, options.FunctionTimeout) };
        await using var server = await ApiServer.StartAsync(backend, settings, logger, verbose: false, cancellationToken);
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(1) };
        var producers = new DemoApiClient(http, server.ApiKey);
        var tracker = new DemoProgress(workload.MessageCount, server.Pipeline, backend, progress);
        var clock = Stopwatch.StartNew();
        int rejected;
        try
        {
            rejected = await producers.PostWaveAsync(workload.FirstWave, tracker.Produced, cancellationToken);
            await tracker.WaitUntilDrainedAsync(clock, cancellationToken);
            rejected += await producers.PostWaveAsync(workload.SecondWave, tracker.Produced, cancellationToken);
            await tracker.WaitUntilDrainedAsync(clock, cancellationToken);
        }
        finally
        {
            progress.Finish();
        }

        clock.Stop();
        await server.StopAsync();
        var check = await verifier.VerifyAsync(workload, deadLettersBefore, rejected, cancellationToken);
        var pipeline = server.Pipeline;
        var visibilityTimeout = await backend.WritesQueue.GetVisibilityTimeoutAsync(cancellationToken);
        return new DemoResult(
            options, workload, clock.Elapsed, pipeline.WritesRunner.Stats, pipeline.AnalyticsRunner.Stats, faults?.Injected ?? 0, check, server.Sampler.Snapshot(), visibilityTimeout);
    }
}
