namespace GymCoach.Workers.Handlers;

/// <summary>Other folds of the same user kept winning the race: transient, so the messages are retried, never dead-lettered.</summary>
internal sealed class FoldConflictException(string userId, int attempts)
    : Exception($"the analytics of user '{userId}' changed under {attempts} fold attempts in a row; retrying later");
