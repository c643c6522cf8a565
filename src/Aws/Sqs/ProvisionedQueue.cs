using GymCoach.Workers.Queueing;

namespace GymCoach.Aws.Sqs;

/// <summary>A queue <see cref="SqsQueueProvisioner"/> made sure of, with its dead-letter queue (null when the definition has none).</summary>
public sealed record ProvisionedQueue(QueueDefinition Definition, SqsQueue Queue, SqsQueue? DeadLetterQueue);
