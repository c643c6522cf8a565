using GymCoach.Contracts.Queueing;

namespace GymCoach.TestSupport.Queueing;

/// <summary>Records every SendMessageBatch call, then sends the batch to the real queue.</summary>
public sealed class RecordingQueue(IMessageQueue inner) : ForwardingQueue(inner)
{
    private readonly List<OutgoingMessage[]> _calls = [];

    /// <summary>The bodies of each call, in call order.</summary>
    public IReadOnlyList<string[]> Batches
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls.Select(call => call.Select(message => message.Body).ToArray())];
            }
        }
    }

    /// <summary>Every message sent, over all calls, in call order.</summary>
    public IReadOnlyList<OutgoingMessage> Sent
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls.SelectMany(call => call)];
            }
        }
    }

    public override Task<IReadOnlyList<SendOutcome>> SendBatchAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        lock (_calls)
        {
            _calls.Add([.. messages]);
        }

        return Inner.SendBatchAsync(messages, cancellationToken);
    }
}
