using System.Globalization;
using GymCoach.Contracts.Events;

namespace GymCoach.Workers.Tests.Support;

/// <summary>Builds <see cref="WorkoutLogged"/> test data: <c>WorkoutBuilder.For("u").At("2026-11-16").Exercise("bench-press", (5, 100m)).Build()</c>.</summary>
internal sealed class WorkoutBuilder
{
    public const string DefaultUserId = "user-1";

    private readonly List<ExerciseEntry> _exercises = [];
    private readonly string _userId;
    private string _workoutId = Guid.NewGuid().ToString("N");
    private DateTimeOffset _performedAt = new(2026, 11, 16, 7, 0, 0, TimeSpan.Zero);
    private WeightUnit _unit = WeightUnit.Kg;

    private WorkoutBuilder(string userId)
    {
        _userId = userId;
    }

    public static WorkoutBuilder For(string userId = DefaultUserId) => new(userId);

    public WorkoutBuilder WithId(string workoutId)
    {
        _workoutId = workoutId;
        return this;
    }

    public WorkoutBuilder At(DateTimeOffset performedAt)
    {
        _performedAt = performedAt;
        return this;
    }

    /// <summary>At an ISO-8601 instant; a date alone means 10:00 UTC that day.</summary>
    public WorkoutBuilder At(string iso) =>
        At(iso.Length == 10
            ? DateTimeOffset.ParseExact(iso + "T10:00:00Z", "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture)
            : DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture));

    public WorkoutBuilder InPounds()
    {
        _unit = WeightUnit.Lb;
        return this;
    }

    public WorkoutBuilder Exercise(string exerciseId, params (int Reps, decimal Weight)[] sets)
    {
        var entries = new SetEntry[sets.Length];
        for (var i = 0; i < sets.Length; i++)
        {
            entries[i] = new SetEntry { Reps = sets[i].Reps, Weight = sets[i].Weight };
        }

        _exercises.Add(new ExerciseEntry { ExerciseId = exerciseId, Sets = entries });
        return this;
    }

    public WorkoutLogged Build() => new()
    {
        WorkoutId = _workoutId,
        UserId = _userId,
        PerformedAt = _performedAt,
        DurationSeconds = 3600,
        Unit = _unit,
        Exercises = [.. _exercises],
    };
}
