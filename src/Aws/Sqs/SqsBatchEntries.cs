using System.Globalization;
using Amazon.SQS.Model;
using GymCoach.Contracts.Queueing;

namespace GymCoach.Aws.Sqs;

/// <summary>Batch entries of SQS requests: ids that are the entry's index, the limits checked before a call, and mapping both ways.</summary>
internal static class SqsBatchEntries
{
    private static readonly string[] Ids = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    public static string Id(int index) => Ids[index];

    public static int Index(string id) => int.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <exception cref="ArgumentException">The batch is empty or has more than 10 entries.</exception>
    public static void CheckCount<T>(IReadOnlyList<T> entries, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(entries, parameterName);
        if (entries.Count is 0 or > MessageBatch.MaxEntries)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"A batch holds 1 to {MessageBatch.MaxEntries} entries; this one has {entries.Count}."),
                parameterName);
        }
    }

    /// <summary>SQS fails a SendMessageBatch whose entries exceed 1 MiB together (BatchRequestTooLong), valid or not.</summary>
    /// <exception cref="ArgumentException">The entries exceed 1 MiB.</exception>
    public static void CheckTotalSize(IReadOnlyList<OutgoingMessage> messages, string parameterName)
    {
        long totalBytes = 0;
        foreach (var message in messages)
        {
            totalBytes += message is null ? 0 : OutgoingMessageSize.Of(message);
        }

        if (totalBytes > OutgoingMessageSize.MaxBytes)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"BatchRequestTooLong: The batch is {totalBytes} bytes; the limit is {OutgoingMessageSize.MaxBytes} bytes."),
                parameterName);
        }
    }

    /// <summary>The entry for <paramref name="message"/>; group and deduplication ids only on a FIFO queue, where standard queues would refuse them.</summary>
    public static SendMessageBatchRequestEntry ToSendEntry(int index, OutgoingMessage message, bool isFifo)
    {
        var entry = new SendMessageBatchRequestEntry { Id = Ids[index], MessageBody = message.Body };
        if (message.Attributes is { Count: > 0 } attributes)
        {
            entry.MessageAttributes = new Dictionary<string, MessageAttributeValue>(attributes.Count, StringComparer.Ordinal);
            foreach (var (name, value) in attributes)
            {
                entry.MessageAttributes[name] = new MessageAttributeValue { DataType = "String", StringValue = value };
            }
        }

        if (message.Delay > TimeSpan.Zero)
        {
            entry.DelaySeconds = (int)Math.Ceiling(message.Delay.TotalSeconds);
        }

        if (isFifo)
        {
            entry.MessageGroupId = message.MessageGroupId;
            entry.MessageDeduplicationId = message.DeduplicationId;
        }

        return entry;
    }

    /// <summary>Fills <paramref name="outcomes"/> from the response; an entry SQS said nothing about is failed (assume failure until success).</summary>
    public static void ReadOutcomes(SendMessageBatchResponse? response, SendOutcome?[] outcomes)
    {
        foreach (var success in response?.Successful ?? [])
        {
            outcomes[Index(success.Id)] = new SendOutcome(success.MessageId, null);
        }

        foreach (var failure in response?.Failed ?? [])
        {
            outcomes[Index(failure.Id)] = new SendOutcome(null, $"{failure.Code}: {failure.Message}", failure.SenderFault ?? false);
        }

        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] ??= new SendOutcome(null, "SendMessageBatch reported no result for this entry.");
        }
    }
}
