using GymCoach.Contracts.Lambda;

namespace GymCoach.Workers.Handlers;

/// <summary>What one chunk asks of one user's analytics: the workouts to count, whether to rebuild, and the messages that asked.</summary>
internal sealed class FoldRequest(string userId)
{
    public string UserId { get; } = userId;

    public HashSet<string> WorkoutIds { get; } = new(StringComparer.Ordinal);

    public bool Rebuild { get; set; }

    public List<SqsMessage> Messages { get; } = [];
}
