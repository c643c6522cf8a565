namespace GymCoach.Contracts.Events;

/// <summary>The reasons of <see cref="AnalyticsRecomputeRequested"/> that the analytics worker acts on.</summary>
public static class RecomputeReasons
{
    /// <summary>Workouts were stored: fold the named ones in. Sent by the writes worker.</summary>
    public const string WorkoutsChanged = "workouts-changed";

    /// <summary>Recompute from every stored workout (after a calculator change or a repair); costs reads in proportion to the history.</summary>
    public const string Rebuild = "rebuild";
}
