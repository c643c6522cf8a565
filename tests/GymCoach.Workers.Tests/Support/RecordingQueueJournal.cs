using GymCoach.Embedded.Queueing.Journal;

namespace GymCoach.Workers.Tests.Support;

/// <summary>A queue journal that keeps what it was told, as a database would, and can refuse changes.</summary>
public sealed class RecordingQueueJournal : IQueueJournal
{
    private readonly Dictionary<string, PersistedMessage> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _queueOf = new(StringComparer.Ordinal);

    public bool Refuse { get; set; }

    public int Calls { get; private set; }

    /// <summary>The messages of <paramref name="queueName"/> as a restart would load them.</summary>
    public IReadOnlyList<PersistedMessage> MessagesOf(string queueName) =>
        [.. _messages.Values.Where(message => _queueOf[message.MessageId] == queueName)];

    public void Added(string queueName, IReadOnlyList<PersistedMessage> messages)
    {
        Check();
        foreach (var message in messages)
        {
            _messages.Add(message.MessageId, message);
            _queueOf[message.MessageId] = queueName;
        }
    }

    public void Received(string queueName, IReadOnlyList<MessageReceipt> receipts, IReadOnlyList<string> redrivenIds, string? deadLetterQueueName, string sourceArn)
    {
        Check();
        foreach (var receipt in receipts)
        {
            _messages[receipt.MessageId] = _messages[receipt.MessageId] with { ReceiveCount = receipt.ReceiveCount, FirstReceiveMs = receipt.FirstReceiveMs };
        }

        foreach (var id in redrivenIds)
        {
            _queueOf[id] = deadLetterQueueName!;
            _messages[id] = _messages[id] with { DeadLetterSourceArn = sourceArn };
        }
    }

    public void Removed(string queueName, IReadOnlyList<string> messageIds)
    {
        Check();
        foreach (var id in messageIds)
        {
            _messages.Remove(id);
            _queueOf.Remove(id);
        }
    }

    private void Check()
    {
        Calls++;
        if (Refuse)
        {
            throw new IOException("disk full");
        }
    }
}
