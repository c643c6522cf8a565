namespace GymCoach.Contracts.Queueing;

/// <summary>The result of sending one entry of a batch: the new message id, or the error that kept it out of the queue.</summary>
public sealed record SendOutcome(string? MessageId, string? Error, bool SenderFault = false)
{
    public bool Succeeded => MessageId is not null;
}
