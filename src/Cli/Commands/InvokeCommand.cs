using System.Text.Json;
using GymCoach.Cli.Backends;
using GymCoach.Cli.Hosting;
using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Handlers;

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
        var (handler, deadLetterQueue) = function == "writes"
            ? ((IMessageHandler)new WritesHandler(backend.Store, backend.AnalyticsQueue, time), backend.WritesDeadLetterQueue)
            : (new AnalyticsHandler(backend.Store, time), backend.AnalyticsDeadLetterQueue);
        var processor = new BatchProcessor(new BatchProcessorOptions(), deadLetterQueue, time, logger: logger);

        var queuedBefore = (await backend.AnalyticsQueue.GetCountsAsync(cancellationToken)).Total;

        // As the deployed function would: the deadline is the function timeout, and nothing runs past it.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(functionTimeout);
        var outcome = await processor.ProcessAsync(sqsEvent, handler, time.GetUtcNow() + functionTimeout, timeout.Token);

        await using (var stdout = System.Console.OpenStandardOutput())
        {
            await stdout.WriteAsync(LambdaJson.Serialize(outcome.Response), cancellationToken);
            await stdout.WriteAsync("\n"u8.ToArray(), cancellationToken);
        }

        var recomputes = (await backend.AnalyticsQueue.GetCountsAsync(cancellationToken)).Total - queuedBefore;
        await System.Console.Error.WriteLineAsync(
            $"{outcome.Succeeded} succeeded, {outcome.RetryFailed + outcome.NotStarted} to retry, {outcome.DeadLettered} dead-lettered"
            + (function == "writes" ? $", {recomputes} analytics recompute requests sent" : string.Empty));
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
