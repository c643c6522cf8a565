using GymCoach.Contracts.Storage;
using GymCoach.Embedded.Queueing.Journal;
using GymCoach.Embedded.Storage;

namespace GymCoach.Cli.Backends.Durable;

/// <summary>The journal of state opened read-only: any change fails loudly instead of vanishing when the command ends.</summary>
/// <remarks>A receive is allowed (peeking at dead letters receives them): its receive count lives only in this process.</remarks>
internal sealed class ReadOnlyJournal : IItemJournal, IQueueJournal
{
    public static readonly ReadOnlyJournal Instance = new();

    private ReadOnlyJournal()
    {
    }

    public void Commit(IReadOnlyList<StoredItem> items) => throw Refused();

    public void Added(string queueName, IReadOnlyList<PersistedMessage> messages) => throw Refused();

    public void Received(string queueName, IReadOnlyList<MessageReceipt> receipts, IReadOnlyList<string> redrivenIds, string? deadLetterQueueName, string sourceArn)
    {
    }

    public void Removed(string queueName, IReadOnlyList<string> messageIds) => throw Refused();

    private static InvalidOperationException Refused() => new("this command opened the state folder read-only; a command that changes it must open it to write");
}
