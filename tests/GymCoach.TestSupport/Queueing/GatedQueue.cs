using GymCoach.Contracts.Queueing;

namespace GymCoach.TestSupport.Queueing;

/// <summary>Holds every SendMessageBatch call until the gate opens, as a slow or throttled queue would.</summary>
public sealed class GatedQueue(IMessageQueue inner) : ForwardingQueue(inner)
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _waiting;

    /// <summary>Calls held at the gate.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public void Open() => _gate.TrySetResult();

    public override async Task<IReadOnlyList<SendOutcome>> SendBatchAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await _gate.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        return await Inner.SendBatchAsync(messages, cancellationToken);
    }
}
