using System.Text.Json.Serialization;

namespace GymCoach.Contracts.Lambda;

/// <summary>One SQS message as Lambda delivers it, with the service's exact field names.</summary>
/// <remarks>
/// <see cref="Attributes"/> carries the system attributes (<c>ApproximateReceiveCount</c>, <c>SentTimestamp</c>,
/// and for FIFO queues <c>MessageGroupId</c>, <c>SequenceNumber</c>, <c>MessageDeduplicationId</c>).
/// </remarks>
public sealed record SqsMessage
{
    [JsonPropertyName("messageId")]
    public required string MessageId { get; init; }

    [JsonPropertyName("receiptHandle")]
    public string? ReceiptHandle { get; init; }

    [JsonPropertyName("body")]
    public required string Body { get; init; }

    [JsonPropertyName("md5OfBody")]
    public string? Md5OfBody { get; init; }

    [JsonPropertyName("md5OfMessageAttributes")]
    public string? Md5OfMessageAttributes { get; init; }

    [JsonPropertyName("eventSource")]
    public string? EventSource { get; init; }

    [JsonPropertyName("eventSourceARN")]
    public string? EventSourceArn { get; init; }

    [JsonPropertyName("awsRegion")]
    public string? AwsRegion { get; init; }

    [JsonPropertyName("attributes")]
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    [JsonPropertyName("messageAttributes")]
    public IReadOnlyDictionary<string, SqsMessageAttribute>? MessageAttributes { get; init; }

    /// <summary>How many times SQS has handed this message out, 1 on the first delivery.</summary>
    [JsonIgnore]
    public int ApproximateReceiveCount =>
        Attributes is not null
        && Attributes.TryGetValue(SqsSystemAttributes.ApproximateReceiveCount, out var value)
        && int.TryParse(value, out var count) ? count : 1;

    /// <summary>The FIFO message group, or null on a standard queue.</summary>
    [JsonIgnore]
    public string? MessageGroupId =>
        Attributes is not null && Attributes.TryGetValue(SqsSystemAttributes.MessageGroupId, out var group) ? group : null;

    /// <summary>When the message was sent, or null when the attribute is absent.</summary>
    [JsonIgnore]
    public DateTimeOffset? SentAt =>
        Attributes is not null
        && Attributes.TryGetValue(SqsSystemAttributes.SentTimestamp, out var value)
        && long.TryParse(value, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    /// <summary>Reads a string message attribute, or null when absent.</summary>
    public string? GetStringAttribute(string name) =>
        MessageAttributes is not null && MessageAttributes.TryGetValue(name, out var attribute) ? attribute.StringValue : null;
}
