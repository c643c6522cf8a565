using System.Collections.ObjectModel;
using Amazon.SQS.Model;
using GymCoach.Contracts.Lambda;

namespace GymCoach.Aws.Sqs;

/// <summary>Turns a received SQS message into the record Lambda's event source mapping would hand a function.</summary>
internal static class SqsMessageMapper
{
    private const string EventSource = "aws:sqs";

    private static readonly IReadOnlyDictionary<string, string> NoAttributes = ReadOnlyDictionary<string, string>.Empty;

    private static readonly IReadOnlyDictionary<string, SqsMessageAttribute> NoMessageAttributes =
        ReadOnlyDictionary<string, SqsMessageAttribute>.Empty;

    public static SqsMessage[] Map(List<Message>? messages, string queueArn, string region)
    {
        if (messages is null || messages.Count == 0)
        {
            return [];
        }

        var mapped = new SqsMessage[messages.Count];
        for (var i = 0; i < mapped.Length; i++)
        {
            mapped[i] = Map(messages[i], queueArn, region);
        }

        return mapped;
    }

    public static SqsMessage Map(Message message, string queueArn, string region) => new()
    {
        MessageId = message.MessageId,
        ReceiptHandle = message.ReceiptHandle,
        Body = message.Body ?? string.Empty,
        Md5OfBody = message.MD5OfBody,
        Md5OfMessageAttributes = message.MD5OfMessageAttributes,
        EventSource = EventSource,
        EventSourceArn = queueArn,
        AwsRegion = region,
        Attributes = message.Attributes is { Count: > 0 } attributes ? attributes : NoAttributes,
        MessageAttributes = MapAttributes(message.MessageAttributes),
    };

    private static IReadOnlyDictionary<string, SqsMessageAttribute> MapAttributes(Dictionary<string, MessageAttributeValue>? attributes)
    {
        if (attributes is null || attributes.Count == 0)
        {
            return NoMessageAttributes;
        }

        var mapped = new Dictionary<string, SqsMessageAttribute>(attributes.Count, StringComparer.Ordinal);
        foreach (var (name, value) in attributes)
        {
            mapped[name] = new SqsMessageAttribute
            {
                DataType = value.DataType,
                StringValue = value.StringValue,
                BinaryValue = value.BinaryValue?.ToArray(),
                StringListValues = value.StringListValues is { Count: > 0 } strings ? strings : null,
                BinaryListValues = value.BinaryListValues is { Count: > 0 } binaries ? [.. binaries.Select(stream => stream.ToArray())] : null,
            };
        }

        return mapped;
    }
}
