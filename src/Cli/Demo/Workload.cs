using GymCoach.Contracts.Events;
using GymCoach.Contracts.Queueing;

namespace GymCoach.Cli.Demo;

/// <summary>A generated workload: the messages to send, in two waves, and what the pipeline must end up with.</summary>
/// <param name="FirstWave">Workouts (with duplicates), profile updates (out of order) and invalid messages, shuffled.</param>
/// <param name="SecondWave">Sent after the first has drained: conflicting re-posts and late duplicates of stored workouts.</param>
/// <param name="WorkoutsByUser">The distinct workouts each user logged: what their analytics must be computed from.</param>
/// <param name="NewestProfiles">Each user's newest profile: what last-write-wins must leave stored.</param>
/// <param name="ExpectedDeadLetters">Invalid messages plus conflicts: exactly these must reach the dead-letter queue.</param>
internal sealed record Workload(
    IReadOnlyList<OutgoingMessage> FirstWave,
    IReadOnlyList<OutgoingMessage> SecondWave,
    IReadOnlyDictionary<string, List<WorkoutLogged>> WorkoutsByUser,
    IReadOnlyDictionary<string, ProfileUpdated> NewestProfiles,
    int ExpectedDeadLetters,
    int Duplicates)
{
    public int MessageCount => FirstWave.Count + SecondWave.Count;
}
