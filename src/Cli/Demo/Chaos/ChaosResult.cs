namespace GymCoach.Cli.Demo.Chaos;

/// <summary>What a chaos demo did and found.</summary>
/// <param name="Lost">Workouts accepted (202) that no user's analytics count.</param>
/// <param name="DoubleCounted">Workouts that some user's analytics count more than once.</param>
/// <param name="ProducerRetries">Posts sent again, same content, because the killed process never answered.</param>
internal sealed record ChaosResult(
    DemoOptions Options,
    Workload Workload,
    TimeSpan Elapsed,
    IReadOnlyList<ChaosKill> Kills,
    long ProducerRetries,
    long Lost,
    long DoubleCounted,
    DemoCheck Check)
{
    public bool Passed => Lost == 0 && DoubleCounted == 0 && Check.Passed;
}
