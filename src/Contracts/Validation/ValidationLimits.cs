namespace GymCoach.Contracts.Validation;

/// <summary>The bounds the event rules enforce, in one place so messages and checks cannot drift apart.</summary>
internal static class ValidationLimits
{
    public const int MaxIdLength = IdAlphabet.MaxLength;

    public const int MinReps = 1;
    public const int MaxReps = 1000;

    public const decimal MinWeight = 0m;
    public const decimal MaxWeight = 1000m;

    public const decimal MinRpe = 1m;
    public const decimal MaxRpe = 10m;

    public const int MinExercises = 1;
    public const int MaxExercises = 100;

    public const int MinSets = 1;
    public const int MaxSets = 50;

    public const int MinDurationSeconds = 0;
    public const int MaxDurationSeconds = 86_400;

    /// <summary>Clock skew and time zones on producers' devices, not a licence to log future workouts.</summary>
    public static readonly TimeSpan MaxPerformedAtAhead = TimeSpan.FromDays(1);

    public const int MaxDisplayNameLength = 100;

    public const decimal MaxBodyweight = 1000m;

    public const int MaxGoals = 20;
    public const int MaxGoalLength = 200;

    public const int MaxReasonLength = 200;

    public const int MaxRecomputeWorkoutIds = Events.AnalyticsRecomputeRequested.MaxWorkoutIds;
}
