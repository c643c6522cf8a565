using GymCoach.Contracts.Events;
using GymCoach.Contracts.Lambda;

namespace GymCoach.Workers.Handlers;

/// <summary>What a chunk's messages ask of one user's analytics: the workouts to count, whether to rebuild, and the messages that asked.</summary>
/// <remarks>Gathered by the writes worker (to send one request per user) and by the analytics worker (to fold once per user).</remarks>
internal sealed class UserRecompute(string userId)
{
    public string UserId { get; } = userId;

    public HashSet<string> WorkoutIds { get; } = new(StringComparer.Ordinal);

    public bool Rebuild { get; private set; }

    public List<SqsMessage> Messages { get; } = [];

    /// <summary>A stored (or repeated) workout of the user, asked for by <paramref name="message"/>.</summary>
    public void AddWorkout(string workoutId, SqsMessage message)
    {
        WorkoutIds.Add(workoutId);
        Messages.Add(message);
    }

    /// <summary>A recompute request for the user: its workouts are added, and a rebuild if it asks for one.</summary>
    public void Add(AnalyticsRecomputeRequested request, SqsMessage message)
    {
        Rebuild |= request.Reason == RecomputeReasons.Rebuild;
        foreach (var workoutId in request.WorkoutIds ?? [])
        {
            WorkoutIds.Add(workoutId);
        }

        Messages.Add(message);
    }

    /// <summary>The entry of <paramref name="userId"/> in <paramref name="byUser"/>, added when missing.</summary>
    public static UserRecompute For(Dictionary<string, UserRecompute> byUser, string userId)
    {
        if (!byUser.TryGetValue(userId, out var recompute))
        {
            byUser[userId] = recompute = new UserRecompute(userId);
        }

        return recompute;
    }
}
