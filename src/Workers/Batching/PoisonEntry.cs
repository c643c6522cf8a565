namespace GymCoach.Workers.Batching;

/// <summary>A poison message of a chunk waiting for the dead-letter queue: its index in the event's records and why.</summary>
internal readonly record struct PoisonEntry(int RecordIndex, Exception Error);
