namespace GymCoach.Workers.Batching;

/// <summary>Where one record of the event stands; the default, <see cref="NotStarted"/>, counts as failed.</summary>
internal enum MessageStatus : byte
{
    NotStarted = 0,
    Handled,
    Poison,
    RetryFailed,
    DeadLettered,
    Succeeded,
}
