using GymCoach.Contracts.Events;

namespace GymCoach.Cli.Demo;

/// <summary>A generated workload: what the producers post, in two waves, and what the pipeline must end up with.</summary>
/// <param name="FirstWave">Workouts (with duplicates), profile updates and invalid requests, shuffled.</param>
/// <param name="SecondWave">Posted after the first has drained: conflicting re-posts and late duplicates of stored workouts.</param>
/// <param name="WorkoutsByUser">The distinct workouts each user logged: what their analytics must be computed from.</param>
/// <param name="NewestProfiles">Each user's last profile update: what last-write-wins must leave stored.</param>
/// <param name="ExpectedDeadLetters">Conflicting re-posts: the API accepts them, the writes worker must dead-letter exactly these.</param>
/// <param name="ExpectedRejections">Invalid requests: the API must refuse exactly these.</param>
internal sealed record Workload(
    IReadOnlyList<DemoPost> FirstWave,
    IReadOnlyList<DemoPost> SecondWave,
    IReadOnlyDictionary<string, List<WorkoutLogged>> WorkoutsByUser,
    IReadOnlyDictionary<string, ProfileUpdated> NewestProfiles,
    int ExpectedDeadLetters,
    int ExpectedRejections,
    int Duplicates)
{
    /// <summary>Messages the accepted posts put on the writes queue.</summary>
    public int MessageCount => FirstWave.Sum(p => p.Messages) + SecondWave.Sum(p => p.Messages);
}
