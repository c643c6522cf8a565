using GymCoach.Contracts.Queueing;

namespace GymCoach.Cli.Reports;

/// <summary>One pipeline queue and its dead-letter queue, as counted at one moment.</summary>
internal sealed record QueueStatus(string Label, string Name, QueueCounts Counts, string DeadLetterName, QueueCounts DeadLetterCounts);
