using GymCoach.Contracts.Events;
using GymCoach.Workers.Analytics;

namespace GymCoach.Cli.Demo;

/// <summary>Generates a realistic, seeded workload: users of different strength training 3–6 exercises a session, in kg or lb.</summary>
internal sealed class WorkloadGenerator(DemoOptions options)
{
    // Fixed, so the same seed gives the same workload on any day.
    private static readonly DateTimeOffset Anchor = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Random _random = new(options.Seed);
    private readonly string[] _exerciseIds = [.. ExerciseLibrary.All.Select(e => e.Id), "custom-sled-push", "custom-farmers-walk"];

    public Workload Generate()
    {
        var users = CreateUsers();
        var firstWave = new List<DemoPost>(options.Workouts * 103 / 100 + users.Length);
        var secondWave = new List<DemoPost>();
        var workoutsByUser = users.ToDictionary(u => u.Id, _ => new List<WorkoutLogged>(), StringComparer.Ordinal);
        var sent = new List<WorkoutPost>(options.Workouts);
        var duplicates = 0;

        for (var n = 0; n < options.Workouts; n++)
        {
            var user = users[_random.Next(users.Length)];
            var post = new WorkoutPost(CreateWorkout(user, n));
            workoutsByUser[user.Id].Add(post.Workout);
            firstWave.Add(post);
            sent.Add(post);
            if (_random.NextDouble() < 0.02)
            {
                firstWave.Add(post); // The producer's retry: the same workout again.
                duplicates++;
            }
        }

        var newestProfiles = AddProfiles(users, firstWave);
        var invalid = AddInvalidRequests(firstWave);
        Shuffle(firstWave);

        var conflicts = Math.Max(1, options.Workouts / 1000);
        for (var i = 0; i < conflicts; i++)
        {
            secondWave.Add(new WorkoutPost(Conflicting(sent[_random.Next(sent.Count)].Workout)));
        }

        for (var i = 0; i < Math.Max(1, options.Workouts / 100); i++)
        {
            secondWave.Add(sent[_random.Next(sent.Count)]);
            duplicates++;
        }

        return new Workload(firstWave, secondWave, workoutsByUser, newestProfiles, conflicts, invalid, duplicates);
    }

    /// <summary>Only distinct workouts, <paramref name="workoutsPerUser"/> for every user, the users in turn: a stored history to measure new workouts against.</summary>
    /// <remarks>Ids are <c>wk-{seed}-{n}</c> like <see cref="Generate"/>'s, so a history from another seed never collides with a workload.</remarks>
    public IReadOnlyList<WorkoutLogged> GenerateHistory(int workoutsPerUser)
    {
        var users = CreateUsers();
        var workouts = new WorkoutLogged[users.Length * workoutsPerUser];
        for (var n = 0; n < workouts.Length; n++)
        {
            workouts[n] = CreateWorkout(users[n % users.Length], n);
        }

        return workouts;
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

    private Dictionary<string, ProfileUpdated> AddProfiles(DemoUser[] users, List<DemoPost> wave)
    {
        var newest = new Dictionary<string, ProfileUpdated>(StringComparer.Ordinal);
        foreach (var user in users)
        {
            var posts = new ProfilePosts(Profile(user, "first"), Profile(user, "latest"));
            newest[user.Id] = posts.Latest;
            wave.Add(posts);
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

    /// <summary>Requests the API must refuse: invalid values, an unknown field, a local-time timestamp, malformed JSON.</summary>
    private int AddInvalidRequests(List<DemoPost> wave)
    {
        (string Path, string Body)[] requests =
        [
            ("/v1/workouts", """{"workoutId":"bad-1","userId":"user-00001","performedAt":"2026-01-01T00:00:00Z","durationSeconds":60,"unit":"kg","exercises":[{"exerciseId":"deadlift","sets":[{"reps":0,"weight":1001}]}]}"""),
            ("/v1/workouts", """{"workoutId":"bad-2","userId":"user-00001","performedAt":"2026-01-01T00:00:00","durationSeconds":60,"unit":"kg","exercises":[{"exerciseId":"deadlift","sets":[{"reps":5,"weight":100}]}]}"""),
            ("/v1/workouts", """{"workoutId":"bad-3","userId":"user-00001","performedAt":"2026-01-01T00:00:00Z","durationSeconds":60,"unit":"kg","exercises":[],"mood":"great"}"""),
            ("/v1/profiles", """{"userId":"","displayName":"x","bodyweight":-1,"unit":"st","goals":[]}"""),
            ("/v1/workouts", """{"workoutId":"bad-5","userId":"""),
        ];
        var count = Math.Max(1, options.Workouts / 500);
        for (var i = 0; i < count; i++)
        {
            wave.Add(new InvalidPost(requests[i % requests.Length].Path, requests[i % requests.Length].Body));
        }

        return count;
    }

    private static WorkoutLogged Conflicting(WorkoutLogged original) => original with
    {
        DurationSeconds = original.DurationSeconds + 60,
    };

    private void Shuffle(List<DemoPost> posts)
    {
        for (var i = posts.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (posts[i], posts[j]) = (posts[j], posts[i]);
        }
    }

    private sealed record DemoUser(string Id, WeightUnit Unit, double Strength);
}
