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
    public bool Passed => MismatchCount == 0 && DeadLetters == ExpectedDeadLetters && Rejected == ExpectedRejections;
}
