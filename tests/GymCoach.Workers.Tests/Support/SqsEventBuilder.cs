using System.Globalization;
using GymCoach.Contracts.Lambda;

namespace GymCoach.Workers.Tests.Support;

/// <summary>Builds Lambda SQS events as the event source mapping delivers them, standard or FIFO.</summary>
public sealed class SqsEventBuilder
{
    public const string StandardQueueName = "gymcoach-workouts";
    public const string FifoQueueName = "gymcoach-workouts.fifo";
    public const string StandardArn = "arn:aws:sqs:eu-west-1:123456789012:" + StandardQueueName;
    public const string FifoArn = "arn:aws:sqs:eu-west-1:123456789012:" + FifoQueueName;

    private readonly List<SqsMessage> _records = [];
    private readonly string _arn;
    private long _sequence = 1;

    private SqsEventBuilder(string arn)
    {
        _arn = arn;
    }

    public static SqsEventBuilder Standard() => new(StandardArn);

    public static SqsEventBuilder Fifo() => new(FifoArn);

    /// <summary>An event of <paramref name="count"/> standard messages with ids <c>m0000</c>, <c>m0001</c>, ….</summary>
    public static SqsEvent StandardEvent(int count) => Standard().WithMessages(count).Build();

    public static string IdOf(int number) => "m" + number.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>Adds messages numbered on from the ones already added.</summary>
    public SqsEventBuilder WithMessages(int count)
    {
        for (var i = 0; i < count; i++)
        {
            WithMessage(IdOf(_records.Count));
        }

        return this;
    }

    /// <summary>Adds <paramref name="count"/> messages of one FIFO group, with ids <c>{groupId}-0</c>, <c>{groupId}-1</c>, ….</summary>
    public SqsEventBuilder WithGroup(string groupId, int count)
    {
        for (var i = 0; i < count; i++)
        {
            WithMessage(groupId + "-" + i.ToString(CultureInfo.InvariantCulture), groupId);
        }

        return this;
    }

    public SqsEventBuilder WithMessage(
        string messageId,
        string? groupId = null,
        string? body = null,
        IReadOnlyDictionary<string, SqsMessageAttribute>? messageAttributes = null)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SqsSystemAttributes.ApproximateReceiveCount] = "1",
            [SqsSystemAttributes.SentTimestamp] = "1767225600000",
            [SqsSystemAttributes.SenderId] = "AIDAEXAMPLE",
            [SqsSystemAttributes.ApproximateFirstReceiveTimestamp] = "1767225600100",
        };
        if (groupId is not null)
        {
            attributes[SqsSystemAttributes.MessageGroupId] = groupId;
            attributes[SqsSystemAttributes.SequenceNumber] = (_sequence++).ToString(CultureInfo.InvariantCulture);
            attributes[SqsSystemAttributes.MessageDeduplicationId] = "dedup-" + messageId;
        }

        _records.Add(new SqsMessage
        {
            MessageId = messageId,
            ReceiptHandle = "rh-" + messageId,
            Body = body ?? "{\"specversion\":\"1.0\",\"id\":\"" + messageId + "\"}",
            EventSource = "aws:sqs",
            EventSourceArn = _arn,
            AwsRegion = "eu-west-1",
            Attributes = attributes,
            MessageAttributes = messageAttributes,
        });
        return this;
    }

    /// <summary>Adds a record exactly as given, for malformed cases such as empty or duplicate ids.</summary>
    public SqsEventBuilder WithRecord(SqsMessage record)
    {
        _records.Add(record);
        return this;
    }

    public SqsEvent Build() => new() { Records = [.. _records] };
}
