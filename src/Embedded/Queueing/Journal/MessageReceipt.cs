namespace GymCoach.Embedded.Queueing.Journal;

/// <summary>What a receive changed of a message that outlives the process: its receive count and first receive time.</summary>
public readonly record struct MessageReceipt(string MessageId, int ReceiveCount, long FirstReceiveMs);
