using GymCoach.Contracts.Lambda;

namespace GymCoach.Workers.Batching;

/// <summary>What a chunk scope completes: the messages it handled, and a way to fail some of them.</summary>
public sealed class ChunkCompletion
{
    private readonly Dictionary<string, Exception> _failures = new(StringComparer.Ordinal);

    public ChunkCompletion(IReadOnlyList<SqsMessage> handled)
    {
        Handled = handled;
    }

    /// <summary>The messages whose <see cref="IChunkScope.HandleAsync"/> succeeded, in chunk order.</summary>
    public IReadOnlyList<SqsMessage> Handled { get; }

    /// <summary>The failures reported so far, by message id.</summary>
    public IReadOnlyDictionary<string, Exception> Failures => _failures;

    /// <summary>Fails one handled message; a <see cref="PoisonMessageException"/> dead-letters it, anything else retries it.</summary>
    /// <remarks>Safe to call from concurrent tasks of one scope (a scope may complete its users in parallel).</remarks>
    public void Fail(SqsMessage message, Exception error)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(error);
        lock (_failures)
        {
            _failures[message.MessageId] = error;
        }
    }
}
