using System.Globalization;
using Amazon.SQS;
using GymCoach.Workers.Queueing;

namespace GymCoach.Aws.Sqs;

/// <summary>The CreateQueue attributes of a <see cref="QueueDefinition"/>'s queue and of its dead-letter queue.</summary>
internal static class SqsQueueAttributes
{
    public static Dictionary<string, string> ForQueue(QueueDefinition definition, TimeSpan visibilityTimeout, string? deadLetterArn)
    {
        var attributes = Common(definition, definition.MessageRetention);
        attributes[QueueAttributeName.VisibilityTimeout] = Seconds(visibilityTimeout);
        if (definition.MaxReceiveCount is { } maxReceiveCount && deadLetterArn is not null)
        {
            attributes[QueueAttributeName.RedrivePolicy] = string.Create(
                CultureInfo.InvariantCulture, $"{{\"deadLetterTargetArn\":\"{deadLetterArn}\",\"maxReceiveCount\":{maxReceiveCount}}}");
        }

        if (definition.IsFifo && definition.ContentBasedDeduplication)
        {
            attributes[QueueAttributeName.ContentBasedDeduplication] = "true";
        }

        return attributes;
    }

    public static Dictionary<string, string> ForDeadLetterQueue(QueueDefinition definition) => Common(definition, definition.DeadLetterRetention);

    /// <summary>The attributes SetQueueAttributes accepts: all but <c>FifoQueue</c>, which only CreateQueue may set.</summary>
    public static Dictionary<string, string> Settable(Dictionary<string, string> attributes)
    {
        var settable = new Dictionary<string, string>(attributes, StringComparer.Ordinal);
        settable.Remove(QueueAttributeName.FifoQueue);
        return settable;
    }

    private static Dictionary<string, string> Common(QueueDefinition definition, TimeSpan retention)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [QueueAttributeName.MessageRetentionPeriod] = Seconds(retention),
            [QueueAttributeName.SqsManagedSseEnabled] = definition.SqsManagedEncryption ? "true" : "false",
        };
        if (definition.IsFifo)
        {
            attributes[QueueAttributeName.FifoQueue] = "true";
        }

        return attributes;
    }

    private static string Seconds(TimeSpan value) => ((long)Math.Ceiling(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
