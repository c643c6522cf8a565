namespace GymCoach.Contracts.Events;

/// <summary>The CloudEvents <c>type</c> values GymCoach understands; any other type or version is poison.</summary>
public static class EventTypes
{
    public const string WorkoutLogged = "gymcoach.workout.logged.v1";
    public const string ProfileUpdated = "gymcoach.profile.updated.v1";
    public const string AnalyticsRecompute = "gymcoach.analytics.recompute.v1";

    public static bool IsKnown(string? type) =>
        type is WorkoutLogged or ProfileUpdated or AnalyticsRecompute;
}
