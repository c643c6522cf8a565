namespace GymCoach.Cli.Demo;

/// <summary>The outcome of checking a run's stored state against a direct computation over the generated workload.</summary>
internal sealed record DemoCheck(
    int UsersChecked,
    int ProfilesChecked,
    long DeadLetters,
    int ExpectedDeadLetters,
    int Rejected,
    int ExpectedRejections,
    int MismatchCount,
    IReadOnlyList<string> Examples)
{
    /// <summary>Set when producers retried unanswered posts: more dead letters than expected are then copies, not a failure.</summary>
    public bool DeadLettersMayRepeat { get; init; }

    public bool Passed => MismatchCount == 0
        && (DeadLettersMayRepeat ? DeadLetters >= ExpectedDeadLetters : DeadLetters == ExpectedDeadLetters)
        && Rejected == ExpectedRejections;
}
