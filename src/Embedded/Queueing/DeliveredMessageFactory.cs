using System.Globalization;
using GymCoach.Contracts.Lambda;

namespace GymCoach.Embedded.Queueing;

/// <summary>Builds the Lambda-shaped <see cref="SqsMessage"/> for one delivery of a queued message.</summary>
internal sealed class DeliveredMessageFactory(string queueArn, string region, string senderId)
{
    /// <summary>The system attribute SQS adds to messages it redrove into a dead-letter queue.</summary>
    public const string DeadLetterQueueSourceArn = "DeadLetterQueueSourceArn";

    private const string EventSource = "aws:sqs";

    public SqsMessage[] Create(List<Delivery> deliveries)
    {
        var messages = new SqsMessage[deliveries.Count];
        for (var i = 0; i < messages.Length; i++)
        {
            messages[i] = Create(deliveries[i]);
        }

        return messages;
    }

    private SqsMessage Create(Delivery delivery)
    {
        var message = delivery.Message;
        var content = message.Content;
        var attributes = new Dictionary<string, string>(8, StringComparer.Ordinal)
        {
            [SqsSystemAttributes.ApproximateReceiveCount] = delivery.ReceiveCount.ToString(CultureInfo.InvariantCulture),
            [SqsSystemAttributes.SentTimestamp] = message.SentAtMs.ToString(CultureInfo.InvariantCulture),
            [SqsSystemAttributes.SenderId] = senderId,
            [SqsSystemAttributes.ApproximateFirstReceiveTimestamp] = delivery.FirstReceiveMs.ToString(CultureInfo.InvariantCulture),
        };

        if (content.GroupId is not null)
        {
            attributes[SqsSystemAttributes.MessageGroupId] = content.GroupId;
            attributes[SqsSystemAttributes.MessageDeduplicationId] = content.DeduplicationId!;
            attributes[SqsSystemAttributes.SequenceNumber] = message.SequenceNumber!;
        }

        if (message.DeadLetterSourceArn is not null)
        {
            attributes[DeadLetterQueueSourceArn] = message.DeadLetterSourceArn;
        }

        return new SqsMessage
        {
            MessageId = content.MessageId,
            ReceiptHandle = delivery.ReceiptHandle,
            Body = content.Body,
            Md5OfBody = content.Md5OfBody,
            Md5OfMessageAttributes = content.Md5OfMessageAttributes,
            EventSource = EventSource,
            EventSourceArn = queueArn,
            AwsRegion = region,
            Attributes = attributes,
            MessageAttributes = content.Attributes,
        };
    }
}
