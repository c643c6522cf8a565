namespace GymCoach.Workers.Batching;

/// <summary>A worker's message handling, driven chunk by chunk by the <c>BatchProcessor</c>.</summary>
/// <remarks>
/// The processor opens one <see cref="IChunkScope"/> per chunk, hands it the chunk's messages one at a time, then
/// completes it. Handlers collect work per message and do the downstream calls once per chunk in
/// <see cref="IChunkScope.CompleteAsync"/>, which is what lets a chunk of 100 messages cost a few batched calls.
/// </remarks>
public interface IMessageHandler
{
    /// <summary>Opens the scope for one chunk; called concurrently for concurrent chunks, so scopes share no mutable state.</summary>
    IChunkScope BeginChunk();
}
