using GymCoach.Contracts.Queueing;

namespace GymCoach.Integration.Tests.Sqs.Publishing.Fakes;

/// <summary>Records the bodies of every SendMessageBatch call, then sends the batch to the real queue.</summary>
internal sealed class RecordingQueue(IMessageQueue inner) : ForwardingQueue(inner)
{
    private readonly List<string[]> _batches = [];

    /// <summary>The bodies of each call, in call order.</summary>
    public IReadOnlyList<string[]> Batches
    {
        get
        {
            lock (_batches)
            {
                return [.. _batches];
            }
        }
    }

    public override Task<IReadOnlyList<SendOutcome>> SendBatchAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        lock (_batches)
        {
            _batches.Add([.. messages.Select(message => message.Body)]);
        }

        return Inner.SendBatchAsync(messages, cancellationToken);
    }
}
