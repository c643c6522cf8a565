using GymCoach.Cli.Backends;
using GymCoach.Cli.Commands;
using GymCoach.Cli.Hosting;

namespace GymCoach.Benchmarks.Pipeline;

/// <summary>
/// The whole pipeline (both workers, until the analytics settle) over a prefilled writes queue, beside the consumer a team
/// would hand-write on the same emulators: messages/s, store cost per new workout by operation, invocation durations, ratio.
/// </summary>
/// <remarks>
/// Run: <c>dotnet run -c Release --project tools/GymCoach.Benchmarks -- pipeline-throughput [--backend embedded|local] [--users N] [--workouts N] [--history H]</c>.
/// With <c>--history H</c>, each consumer first stores H workouts per user through itself, unmeasured, so that the cost
/// of a new workout can be compared at H = 10 and H = 1,000. The hand-written consumer needs the SQS and DynamoDB APIs,
/// so it runs on the local backend only. Exits 1 when a consumer's result fails its check.
/// </remarks>
internal static class PipelineThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        PipelineThroughputOptions options;
        try
        {
            options = PipelineThroughputOptions.Read(args);
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync($"pipeline-throughput: {ex.Message}\nusage: {PipelineThroughputOptions.Usage}");
            return ExitCodes.BadArguments;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var workload = BenchmarkWorkload.Generate(options);
        var state = Directory.CreateTempSubdirectory("gymcoach-bench-");
        try
        {
            await using var backend = await BackendFactory.OpenAsync(options.Backend, new BackendOptions(state.FullName, Verbose: false), StateAccess.Write, "pipeline-throughput", cancel.Token);
            var pipeline = await MeasurePipelineAsync(backend, workload, cancel.Token);
            var baseline = backend is LocalBackend local ? await MeasureBaselineAsync(local, workload, cancel.Token) : null;
            ThroughputReport.Write(options, pipeline, baseline, Console.Out);
            return pipeline.Check.Passed && baseline?.Check.Passed != false ? ExitCodes.Success : ExitCodes.Failure;
        }
        finally
        {
            // The local backend keeps its DynamoDB Local database in /dev/shm, by the state folder's name.
            DeleteQuietly(LocalBackend.DatabaseDirectory(state.FullName));
            DeleteQuietly(state.FullName);
        }
    }

    private static async Task<ConsumerFigures> MeasurePipelineAsync(IBackend backend, BenchmarkWorkload workload, CancellationToken cancellationToken)
    {
        await using var counted = new CountedBackend(backend);
        var measurement = new PipelineMeasurement(counted, CliLogging.Create(verbose: false));
        if (workload.HistoryMessages.Count > 0)
        {
            await Console.Error.WriteLineAsync($"pipeline: storing the history ({workload.HistoryMessages.Count:N0} workouts), unmeasured");
            await measurement.StoreHistoryAsync(workload.HistoryMessages, cancellationToken);
        }

        await Console.Error.WriteLineAsync($"pipeline: measuring {workload.Messages.Count:N0} new workouts on the {backend.Name} backend");
        return await measurement.MeasureAsync(workload.Messages, workload.Expected, cancellationToken);
    }

    private static async Task<ConsumerFigures> MeasureBaselineAsync(LocalBackend backend, BenchmarkWorkload workload, CancellationToken cancellationToken)
    {
        await using var baseline = await HandWrittenBaseline.CreateAsync(backend.SqsEndpoint, backend.DynamoDbEndpoint, cancellationToken);
        if (workload.HistoryMessages.Count > 0)
        {
            await Console.Error.WriteLineAsync($"hand-written: storing the history ({workload.HistoryMessages.Count:N0} workouts), unmeasured");
            await baseline.StoreHistoryAsync(workload.HistoryMessages, cancellationToken);
        }

        await Console.Error.WriteLineAsync($"hand-written: measuring {workload.Messages.Count:N0} new workouts on its own queue and table");
        return await baseline.MeasureAsync(workload.Messages, workload.Expected, cancellationToken);
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temporary folder is not worth failing a finished run for.
        }
    }
}
