using GymCoach.Cli.Demo;
using GymCoach.Contracts.Events;
using GymCoach.Contracts.Queueing;

namespace GymCoach.Benchmarks.Pipeline;

/// <summary>The benchmark's workouts: the same history for every user, then the measured new ones, each as a writes-queue message.</summary>
/// <remarks>
/// Distinct workouts only, from the demo's generator: no duplicates, conflicts, profiles or invalid requests, because
/// the hand-written consumer does not deduplicate and the figure of interest is the cost of a new workout.
/// </remarks>
internal sealed class BenchmarkWorkload
{
    private const string Source = "/benchmarks/pipeline-throughput";

    private BenchmarkWorkload(IReadOnlyList<WorkoutLogged> history, IReadOnlyList<WorkoutLogged> workouts, Workload expected)
    {
        var sentAt = DateTimeOffset.UtcNow;
        HistoryMessages = [.. history.Select(w => Message(w, sentAt))];
        Messages = [.. workouts.Select(w => Message(w, sentAt))];
        Expected = expected;
    }

    /// <summary>Stored first, unmeasured: <c>--history</c> workouts for every user.</summary>
    public IReadOnlyList<OutgoingMessage> HistoryMessages { get; }

    /// <summary>The measured new workouts, users interleaved in the order they were generated.</summary>
    public IReadOnlyList<OutgoingMessage> Messages { get; }

    /// <summary>Every user's workouts, history and new: what the stored result is checked against (nothing else is expected).</summary>
    public Workload Expected { get; }

    public static BenchmarkWorkload Generate(PipelineThroughputOptions options)
    {
        var demo = new DemoOptions { Users = options.Users, Workouts = options.Workouts, Seed = options.Seed };
        var generated = new WorkloadGenerator(demo).Generate();
        var history = options.History == 0
            ? []
            : new WorkloadGenerator(demo with { Seed = options.Seed + 1 }).GenerateHistory(options.History);

        // Ids are wk-{seed}-{n:D7}: ordering by them restores the generation order, in which users are interleaved.
        var workouts = generated.WorkoutsByUser.Values.SelectMany(w => w).OrderBy(w => w.WorkoutId, StringComparer.Ordinal).ToArray();
        var byUser = generated.WorkoutsByUser.ToDictionary(e => e.Key, e => new List<WorkoutLogged>(e.Value), StringComparer.Ordinal);
        foreach (var workout in history)
        {
            byUser[workout.UserId].Add(workout);
        }

        var expected = new Workload([], [], byUser, new Dictionary<string, ProfileUpdated>(StringComparer.Ordinal), ExpectedDeadLetters: 0, ExpectedRejections: 0, Duplicates: 0);
        return new BenchmarkWorkload(history, workouts, expected);
    }

    private static OutgoingMessage Message(WorkoutLogged workout, DateTimeOffset sentAt) => new()
    {
        Body = EventWriter.Serialize(EventWriter.WorkoutLogged(workout, Source, "bench-" + workout.WorkoutId, sentAt)),
    };
}
