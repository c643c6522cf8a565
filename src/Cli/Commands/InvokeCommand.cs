using System.Text.Json;
using GymCoach.Cli.Backends;
using GymCoach.Cli.Hosting;
using GymCoach.Contracts.Lambda;
using GymCoach.Hosting.Workers;
using GymCoach.Workers.Functions;
using GymCoach.Workers.Metrics;

namespace GymCoach.Cli.Commands;

/// <summary><c>gymcoach invoke</c>: runs a worker on a Lambda SQS event and prints its partial batch response, like invoking the deployed function.</summary>
internal sealed class InvokeCommand : ICommand
{
    public string Name => "invoke";

    public string Summary => "Run the writes or analytics worker on a Lambda SQS event (file or stdin) and print the partial batch response";

    public string Usage => "gymcoach invoke --function writes|analytics [--event FILE|-] [--function-timeout 30s] [--state DIR] [--verbose]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var reader = new ArgumentReader(args, BackendOptions.Flags);
        var function = reader.String("function") ?? throw new UsageException("--function is required");
        if (function is not ("writes" or "analytics"))
        {
            throw new UsageException($"--function must be writes or analytics, was '{function}'");
        }

        var eventPath = reader.String("event") ?? "-";
        var functionTimeout = reader.Duration("function-timeout", WorkerTimeouts.MinFunctionTimeout, WorkerTimeouts.MaxFunctionTimeout) ?? PipelineSettings.DefaultFunctionTimeout;
        var backendOptions = BackendOptions.Read(reader);
        reader.EnsureAllUsed();

        var sqsEvent = ParseEvent(await ReadEventAsync(eventPath, cancellationToken));
        var logger = CliLogging.Create(backendOptions.Verbose);
        await using var backend = await BackendFactory.OpenAsync(BackendOptions.Embedded, backendOptions, StateAccess.Write, "gymcoach invoke", cancellationToken);
        var time = TimeProvider.System;
        var writes = function == "writes";

        // Composed as the deployed function and the local pipeline compose it; its metrics stay in memory for the summary below.
        // No analytics cache: nothing in this one-shot process reads analytics.
        var totals = new MetricTotals();
        var recorder = new MetricsRecorder(writes ? WorkerMetrics.WritesFunctionName : WorkerMetrics.AnalyticsFunctionName, time, totals);
        var options = new WorkerOptions
        {
            Worker = writes ? WorkerKind.Writes : WorkerKind.Analytics,
            QueueName = (writes ? backend.WritesQueue : backend.AnalyticsQueue).Name,
            Processor = writes ? new PipelineSettings().Processor : PipelineSettings.AnalyticsProcessorOptions(),
        };
        var ports = new WorkerPorts
        {
            Store = backend.Store,
            DeadLetterQueue = writes ? backend.WritesDeadLetterQueue : backend.AnalyticsDeadLetterQueue,
            AnalyticsQueue = writes ? backend.AnalyticsQueue : null,
        };
        var worker = WorkerComposition.Create(options, ports, recorder, time, logger, TextWriter.Null);

        var queuedBefore = (await backend.AnalyticsQueue.GetCountsAsync(cancellationToken)).Total;

        // As the deployed function would: the deadline is the function timeout, and nothing runs past it.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(functionTimeout);
        var context = new InvocationContext(Guid.NewGuid().ToString(), time.GetUtcNow() + functionTimeout);
        var response = await worker.Function.InvokeAsync(sqsEvent, context, timeout.Token);

        await using (var stdout = System.Console.OpenStandardOutput())
        {
            await stdout.WriteAsync(LambdaJson.Serialize(response), cancellationToken);
            await stdout.WriteAsync("\n"u8.ToArray(), cancellationToken);
        }

        var recomputes = (await backend.AnalyticsQueue.GetCountsAsync(cancellationToken)).Total - queuedBefore;
        await System.Console.Error.WriteLineAsync(
            $"{totals.Sum(MetricCatalogue.MessagesSucceeded)} succeeded, {totals.Sum(MetricCatalogue.MessagesFailed)} to retry, {totals.Sum(MetricCatalogue.MessagesDeadLettered)} dead-lettered"
            + (writes ? $", {recomputes} analytics recompute requests sent" : string.Empty));
        return ExitCodes.Success;
    }

    private static async Task<byte[]> ReadEventAsync(string path, CancellationToken cancellationToken)
    {
        if (path == "-")
        {
            using var buffer = new MemoryStream();
            await using var stdin = System.Console.OpenStandardInput();
            await stdin.CopyToAsync(buffer, cancellationToken);
            return buffer.ToArray();
        }

        return File.Exists(path)
            ? await File.ReadAllBytesAsync(path, cancellationToken)
            : throw new UsageException($"--event: no such file '{path}'");
    }

    private static SqsEvent ParseEvent(byte[] json)
    {
        try
        {
            return LambdaJson.ParseEvent(json);
        }
        catch (JsonException ex)
        {
            throw new CommandFailedException($"the event is not a valid Lambda SQS event: {ex.Message}");
        }
    }
}
