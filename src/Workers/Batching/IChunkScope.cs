using GymCoach.Contracts.Lambda;

namespace GymCoach.Workers.Batching;

/// <summary>The work of one chunk: messages are handled one by one (never concurrently within a scope), then completed together.</summary>
public interface IChunkScope
{
    /// <summary>Handles one message: parses, validates and collects its work.</summary>
    /// <remarks>
    /// Throwing fails this message only. Throw <see cref="PoisonMessageException"/> (or let a
    /// <see cref="System.Text.Json.JsonException"/> escape) for a message that can never succeed: it goes to the
    /// dead-letter queue with its reason instead of being retried. Any other exception is transient: retried.
    /// </remarks>
    ValueTask HandleAsync(SqsMessage message, CancellationToken cancellationToken);

    /// <summary>Does the chunk's downstream work for every message whose <see cref="HandleAsync"/> succeeded.</summary>
    /// <remarks>
    /// Report messages whose work failed through <see cref="ChunkCompletion.Fail"/>; the rest count as succeeded
    /// when this returns. Throwing fails every message of <see cref="ChunkCompletion.Handled"/> as transient.
    /// </remarks>
    ValueTask CompleteAsync(ChunkCompletion completion, CancellationToken cancellationToken);
}
