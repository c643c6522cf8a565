using GymCoach.Cli.Backends;
using GymCoach.Cli.Demo;
using GymCoach.Cli.Demo.Chaos;
using GymCoach.Cli.Hosting;
using GymCoach.Cli.Reports.Live;
using GymCoach.Cli.Terminal;

namespace GymCoach.Cli.Commands;

/// <summary><c>gymcoach demo</c>: the main job, the whole pipeline on a synthetic workload with live progress and a checked summary.</summary>
internal sealed class DemoCommand : ICommand
{
    public string Name => "demo";

    public string Summary => "Run the whole pipeline on a synthetic workload, with live progress, a summary and a check of the result";

    public string Usage => "gymcoach demo [--backend embedded|local|aws] [--users N] [--workouts N] [--failure-rate P] [--seed S] [--function-timeout T] [--visibility-timeout V] [--report FILE.html] [--state DIR] [--fresh] [--chaos [--kills N]] [--verbose]";

    private static IReadOnlySet<string> Flags { get; } = new HashSet<string>(BackendOptions.Flags, StringComparer.Ordinal) { "fresh", "chaos" };

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var reader = new ArgumentReader(args, Flags);
        var backendName = BackendOptions.ReadBackend(reader);
        var timeouts = WorkerTimeouts.Read(reader, backendName, DemoOptions.DefaultFunctionTimeout(backendName));
        var options = new DemoOptions
        {
            Backend = backendName,
            Users = reader.Int("users", 200, 1, 1_000_000),
            Workouts = reader.Int("workouts", 20_000, 0, 10_000_000),
            FailureRate = reader.Double("failure-rate", 0, 0, 0.9),
            Seed = reader.Int("seed", 42, 0, int.MaxValue),
            FunctionTimeout = timeouts.FunctionTimeout,
        };
        var report = reader.String("report");
        var fresh = reader.Flag("fresh");
        var chaos = reader.Flag("chaos");
        var kills = reader.Int("kills", 5, 1, 1000);
        var backendOptions = timeouts.ApplyTo(BackendOptions.Read(reader, DemoStateFolder.DefaultPath));
        reader.EnsureAllUsed();
        if (report is { Length: 0 })
        {
            throw new UsageException("--report needs a file name");
        }

        if (chaos)
        {
            if (backendName != BackendOptions.Embedded || options.FailureRate > 0 || report is not null)
            {
                throw new UsageException("--chaos runs on the embedded backend, without --failure-rate or --report");
            }

            DemoStateFolder.Prepare(backendOptions.StateDirectory, fresh);
            var chaosResult = await new ChaosRunner(options, backendOptions.StateDirectory, kills, System.Console.Error).RunAsync(cancellationToken);
            ChaosSummary.Write(chaosResult, System.Console.Out);
            return chaosResult.Passed ? ExitCodes.Success : ExitCodes.Failure;
        }

        var logger = CliLogging.Create(backendOptions.Verbose);
        if (options.Backend != BackendOptions.Aws)
        {
            DemoStateFolder.Prepare(backendOptions.StateDirectory, fresh);
        }

        await using var backend = await BackendFactory.OpenAsync(options.Backend, backendOptions, StateAccess.Write, "gymcoach demo", cancellationToken);
        var result = await new DemoRunner(options, backend, ProgressLine.ForStandardError(), logger).RunAsync(cancellationToken);
        DemoSummary.Write(result, System.Console.Out);
        if (report is not null)
        {
            await File.WriteAllTextAsync(report, DashboardPage.Report(result.Series with { Table = DemoSummary.Rows(result) }), cancellationToken);
            await System.Console.Out.WriteLineAsync($"Report (self-contained, opens offline): {Path.GetFullPath(report)}");
        }

        if (options.Backend == BackendOptions.Embedded)
        {
            await System.Console.Out.WriteLineAsync($"State kept in {backendOptions.StateDirectory}: inspect it with --state {backendOptions.StateDirectory} (e.g. gymcoach analytics user-00001 --state {backendOptions.StateDirectory})");
        }
        return result.Check.Passed ? ExitCodes.Success : ExitCodes.Failure;
    }
}
