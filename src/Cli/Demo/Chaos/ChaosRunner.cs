using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using GymCoach.Cli.Backends;
using GymCoach.Workers.Storage;

namespace GymCoach.Cli.Demo.Chaos;

/// <summary>
/// <c>gymcoach demo --chaos</c>: the workers run in a <c>gymcoach run</c> child process that is killed with SIGKILL at
/// random moments and started again on the same state, while the producers retry whatever got no answer; then the
/// stored analytics are checked: nothing accepted may be lost, nothing counted twice.
/// </summary>
internal sealed class ChaosRunner(DemoOptions options, string stateDirectory, int kills, TextWriter log)
{
    // A life between kills: long enough to get work done, short enough that kills land while posting and processing.
    private static readonly TimeSpan MinimumLife = TimeSpan.FromMilliseconds(400);
    private static readonly TimeSpan MaximumLife = TimeSpan.FromMilliseconds(2500);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly Random _random = new(options.Seed);
    private long _accepted;
    private volatile string _phase = "starting";

    public async Task<ChaosResult> RunAsync(CancellationToken cancellationToken)
    {
        var workload = new WorkloadGenerator(options).Generate();
        var apiKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using var workers = new WorkerProcess(stateDirectory, FreePort(), apiKey);
        var clock = Stopwatch.StartNew();
        await workers.StartAsync(cancellationToken);

        // A killer that fails (the workers would not start again) stops the producers, who would otherwise retry forever.
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var killer = KillRepeatedlyAsync(workers, clock, run.Token);
        _ = killer.ContinueWith(_ => run.Cancel(), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        using var http = new HttpClient { BaseAddress = workers.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var producers = new DemoApiClient(http, apiKey, retryUnanswered: true);
        var rejected = 0;
        try
        {
            foreach (var (name, wave) in new[] { ("wave 1", workload.FirstWave), ("wave 2", workload.SecondWave) })
            {
                _phase = $"posting {name}";
                rejected += await producers.PostWaveAsync(wave, count => Interlocked.Add(ref _accepted, count), run.Token);
                _phase = $"draining {name}";
                await WaitUntilDrainedAsync(run.Token);
            }
        }
        catch (OperationCanceledException) when (killer.IsFaulted)
        {
            await killer;
        }

        // Every kill is made, even one that finds the pipeline idle, so the number asked for is the number tested.
        _phase = "idle";
        var made = await killer;
        await workers.KillAsync();
        clock.Stop();

        await using var state = await EmbeddedBackend.OpenAsync(stateDirectory, StateAccess.ReadOnly, "gymcoach demo --chaos", cancellationToken);
        var check = await new DemoVerifier(state).VerifyAsync(workload, deadLettersBefore: 0, rejected, cancellationToken, deadLettersMayRepeat: true);
        var (lost, doubled) = await CountLostAndDoubledAsync(state, workload, cancellationToken);
        return new ChaosResult(options, workload, clock.Elapsed, made, producers.Retries, lost, doubled, check);
    }

    private async Task<List<ChaosKill>> KillRepeatedlyAsync(WorkerProcess workers, Stopwatch clock, CancellationToken cancellationToken)
    {
        var made = new List<ChaosKill>(kills);
        while (made.Count < kills)
        {
            var life = MinimumLife + ((MaximumLife - MinimumLife) * _random.NextDouble());
            await Task.Delay(life, cancellationToken);
            var moment = _phase.StartsWith("posting", StringComparison.Ordinal)
                ? string.Create(CultureInfo.InvariantCulture, $"{_phase}, {Interlocked.Read(ref _accepted):N0} accepted so far")
                : string.Create(CultureInfo.InvariantCulture, $"{_phase}, {QueuedMessageCount.Read(stateDirectory):N0} messages queued");
            await workers.KillAsync();
            var kill = new ChaosKill(made.Count + 1, clock.Elapsed, life, moment);
            made.Add(kill);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"chaos: kill {kill.Number} of {kills} at {kill.At.TotalSeconds:0.0} s ({moment}); starting the workers again"));
            await workers.StartAsync(cancellationToken);
        }

        return made;
    }

    private async Task WaitUntilDrainedAsync(CancellationToken cancellationToken)
    {
        var quiet = 0;
        while (quiet < 2)
        {
            await Task.Delay(PollInterval, cancellationToken);
            quiet = QueuedMessageCount.Read(stateDirectory) == 0 ? quiet + 1 : 0;
        }
    }

    /// <summary>Per user, the workouts the stored analytics count against the distinct workouts the producers had accepted.</summary>
    private static async Task<(long Lost, long DoubleCounted)> CountLostAndDoubledAsync(EmbeddedBackend state, Workload workload, CancellationToken cancellationToken)
    {
        long lost = 0, doubled = 0;
        foreach (var (userId, workouts) in workload.WorkoutsByUser)
        {
            var stored = await state.Store.GetAsync(TableKeys.UserPartition(userId), TableKeys.AnalyticsSortKey, cancellationToken);
            var counted = stored is null ? 0 : AnalyticsItems.ReadDocument(stored).ComputedFromWorkouts;
            lost += Math.Max(0, workouts.Count - counted);
            doubled += Math.Max(0, counted - workouts.Count);
        }

        return (lost, doubled);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
