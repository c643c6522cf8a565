using GymCoach.Contracts.Lambda;

namespace GymCoach.Workers.Batching;

/// <summary>What a chunk scope completes: the messages it handled, and a way to fail some of them.</summary>
public sealed class ChunkCompletion
{
    // Keyed by the record itself, not its id: a record may lack an id (it then fails the whole invocation, as an
    // unreportable failure must), and two deliveries of one message in a batch are failed one by one.
    private readonly Dictionary<SqsMessage, Exception> _failures = new(ReferenceEqualityComparer.Instance);

    public ChunkCompletion(IReadOnlyList<SqsMessage> handled)
    {
        Handled = handled;
    }

    /// <summary>The messages whose <see cref="IChunkScope.HandleAsync"/> succeeded, in chunk order.</summary>
    public IReadOnlyList<SqsMessage> Handled { get; }

    /// <summary>The failures reported so far, by the failed record.</summary>
    public IReadOnlyDictionary<SqsMessage, Exception> Failures => _failures;

    /// <summary>Fails one handled message; a <see cref="PoisonMessageException"/> dead-letters it, anything else retries it.</summary>
    /// <remarks>Safe to call from concurrent tasks of one scope (a scope may complete its users in parallel).</remarks>
    public void Fail(SqsMessage message, Exception error)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(error);
        lock (_failures)
        {
            _failures[message] = error;
        }
    }
}
