using GymCoach.Contracts.Events;
using GymCoach.Contracts.Queueing;
using GymCoach.Workers.Analytics;

namespace GymCoach.Cli.Demo;

/// <summary>Generates a realistic, seeded workload: users of different strength training 3–6 exercises a session, in kg or lb.</summary>
internal sealed class WorkloadGenerator(DemoOptions options)
{
    private const string Source = "gymcoach/demo";

    // Fixed, so the same seed gives the same workload on any day.
    private static readonly DateTimeOffset Anchor = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Random _random = new(options.Seed);
    private readonly string[] _exerciseIds = [.. ExerciseLibrary.All.Select(e => e.Id), "custom-sled-push", "custom-farmers-walk"];
    private int _messageNumber;

    public Workload Generate()
    {
        var users = CreateUsers();
        var firstWave = new List<OutgoingMessage>(options.Workouts * 103 / 100 + users.Length * 2);
        var secondWave = new List<OutgoingMessage>();
        var workoutsByUser = users.ToDictionary(u => u.Id, _ => new List<WorkoutLogged>(), StringComparer.Ordinal);
        var sent = new List<(WorkoutLogged Workout, OutgoingMessage Message)>(options.Workouts);
        var duplicates = 0;

        for (var n = 0; n < options.Workouts; n++)
        {
            var user = users[_random.Next(users.Length)];
            var workout = CreateWorkout(user, n);
            workoutsByUser[user.Id].Add(workout);
            var message = WorkoutMessage(workout, $"evt-{options.Seed}-w{n}");
            firstWave.Add(message);
            sent.Add((workout, message));
            if (_random.NextDouble() < 0.02)
            {
                firstWave.Add(message with { }); // The producer's retry: the same event again.
                duplicates++;
            }
        }

        var newestProfiles = AddProfiles(users, firstWave);
        var invalid = AddInvalidMessages(firstWave);
        Shuffle(firstWave);

        var conflicts = Math.Max(1, options.Workouts / 1000);
        for (var i = 0; i < conflicts; i++)
        {
            var (original, _) = sent[_random.Next(sent.Count)];
            secondWave.Add(WorkoutMessage(Conflicting(original), $"evt-{options.Seed}-c{i}"));
        }

        for (var i = 0; i < Math.Max(1, options.Workouts / 100); i++)
        {
            secondWave.Add(sent[_random.Next(sent.Count)].Message with { });
            duplicates++;
        }

        return new Workload(firstWave, secondWave, workoutsByUser, newestProfiles, invalid + conflicts, duplicates);
    }

    private DemoUser[] CreateUsers()
    {
        var users = new DemoUser[options.Users];
        for (var i = 0; i < users.Length; i++)
        {
            users[i] = new DemoUser($"user-{i + 1:D5}", _random.NextDouble() < 0.3 ? WeightUnit.Lb : WeightUnit.Kg, 0.6 + _random.NextDouble());
        }

        return users;
    }

    private WorkoutLogged CreateWorkout(DemoUser user, int n)
    {
        var exerciseCount = _random.Next(3, 7);
        var exercises = new List<ExerciseEntry>(exerciseCount);
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        while (exercises.Count < exerciseCount)
        {
            var id = _exerciseIds[_random.Next(_exerciseIds.Length)];
            if (chosen.Add(id))
            {
                exercises.Add(new ExerciseEntry { ExerciseId = id, Sets = CreateSets(user, id) });
            }
        }

        return new WorkoutLogged
        {
            WorkoutId = $"wk-{options.Seed}-{n:D7}",
            UserId = user.Id,
            PerformedAt = Anchor.AddMinutes(-_random.Next(0, 180 * 24 * 60)),
            DurationSeconds = _random.Next(1800, 5400),
            Unit = user.Unit,
            Exercises = exercises,
        };
    }

    private List<SetEntry> CreateSets(DemoUser user, string exerciseId)
    {
        var baseKg = 20 + (StableHash.Of(exerciseId) % 80);
        var step = user.Unit == WeightUnit.Kg ? 2.5m : 5m;
        var perUnit = user.Unit == WeightUnit.Kg ? 1.0 : 2.20462;
        var sets = new List<SetEntry>(5);
        for (var s = _random.Next(2, 6); s > 0; s--)
        {
            var weight = Math.Round((decimal)(baseKg * user.Strength * perUnit * (0.8 + (_random.NextDouble() * 0.4))) / step) * step;
            sets.Add(new SetEntry
            {
                Reps = _random.Next(1, 13),
                Weight = Math.Min(weight, 1000m),
                Rpe = _random.NextDouble() < 0.5 ? 6 + (_random.Next(0, 9) * 0.5m) : null,
            });
        }

        return sets;
    }

    private Dictionary<string, ProfileUpdated> AddProfiles(DemoUser[] users, List<OutgoingMessage> wave)
    {
        var newest = new Dictionary<string, ProfileUpdated>(StringComparer.Ordinal);
        foreach (var user in users)
        {
            var older = Anchor.AddDays(-_random.Next(30, 200));
            var newer = older.AddDays(_random.Next(1, 29));
            var first = Profile(user, "first");
            var latest = Profile(user, "latest");
            newest[user.Id] = latest;
            // Sent in either order: last write by event time must win whatever order they arrive in.
            wave.Add(ProfileMessage(latest, newer));
            wave.Add(ProfileMessage(first, older));
        }

        return newest;
    }

    private ProfileUpdated Profile(DemoUser user, string version) => new()
    {
        UserId = user.Id,
        DisplayName = $"Athlete {user.Id[^5..]} ({version})",
        Bodyweight = Math.Round((decimal)(55 + (_random.NextDouble() * 50)), 1),
        Unit = WeightUnit.Kg,
        Goals = [version == "first" ? "get started" : "squat bodyweight x1.5"],
    };

    private int AddInvalidMessages(List<OutgoingMessage> wave)
    {
        string[] bodies =
        [
            """{"specversion":"1.0","id":"bad-1","source":"gymcoach/demo","type":"gymcoach.workout.logged.v2","data":{}}""",
            """{"specversion":"1.0","id":"bad-2","source":"gymcoach/demo","type":"gymcoach.workout.logged.v1","data":{"workoutId":"w-""" + "\"", // truncated JSON
            """{"specversion":"1.0","id":"bad-3","source":"gymcoach/demo","type":"gymcoach.workout.logged.v1","data":{"workoutId":"w","userId":"user-00001","performedAt":"2026-01-01T00:00:00Z","durationSeconds":60,"unit":"kg","exercises":[{"exerciseId":"deadlift","sets":[{"reps":0,"weight":100}]}]}}""",
            """{"specversion":"1.0","id":"bad-4","source":"gymcoach/demo","type":"gymcoach.profile.updated.v1","time":"2026-01-01T00:00:00Z","data":{"userId":"","displayName":"x","bodyweight":-1,"unit":"st","goals":[]}}""",
            "not json at all",
        ];
        var count = Math.Max(1, options.Workouts / 500);
        for (var i = 0; i < count; i++)
        {
            wave.Add(Message(bodies[i % bodies.Length]));
        }

        return count;
    }

    private static WorkoutLogged Conflicting(WorkoutLogged original) => original with
    {
        DurationSeconds = original.DurationSeconds + 60,
    };

    private OutgoingMessage WorkoutMessage(WorkoutLogged workout, string eventId) =>
        Message(EventWriter.Serialize(EventWriter.WorkoutLogged(workout, Source, eventId, workout.PerformedAt.AddSeconds(workout.DurationSeconds))));

    private OutgoingMessage ProfileMessage(ProfileUpdated profile, DateTimeOffset time) =>
        Message(EventWriter.Serialize(EventWriter.ProfileUpdated(profile, Source, $"evt-{options.Seed}-p{_messageNumber}", time)));

    private OutgoingMessage Message(string body) => new()
    {
        Body = body,
        Attributes = new Dictionary<string, string> { [MessageAttributeNames.CorrelationId] = $"demo-{options.Seed}-{_messageNumber++}" },
    };

    private void Shuffle(List<OutgoingMessage> messages)
    {
        for (var i = messages.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (messages[i], messages[j]) = (messages[j], messages[i]);
        }
    }

    private sealed record DemoUser(string Id, WeightUnit Unit, double Strength);
}
