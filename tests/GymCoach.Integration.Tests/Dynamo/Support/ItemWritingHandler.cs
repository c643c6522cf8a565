using System.Collections.Concurrent;
using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Integration.Tests.Dynamo.Support;

/// <summary>
/// A worker in miniature: each chunk stores one item per message with one store call at completion, as the real
/// handlers batch their writes. Records how many chunks ran at once, and the limit, whenever a chunk began.
/// </summary>
internal sealed class ItemWritingHandler(IItemStore store, string partition, ChunkConcurrencyLimiter limiter) : IMessageHandler
{
    private int _active;

    private IItemStore Store => store;

    private string Partition => partition;

    /// <summary>Chunks running (this one included) and the limiter's limit, at the start of every chunk, in order.</summary>
    public ConcurrentQueue<(int Active, int Limit)> ChunkStarts { get; } = new();

    public IChunkScope BeginChunk()
    {
        ChunkStarts.Enqueue((Interlocked.Increment(ref _active), limiter.Limit));
        return new Scope(this);
    }

    private sealed class Scope(ItemWritingHandler owner) : IChunkScope, IDisposable
    {
        public ValueTask HandleAsync(SqsMessage message, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public async ValueTask CompleteAsync(ChunkCompletion completion, CancellationToken cancellationToken)
        {
            var writes = completion.Handled.Select(message => new ItemWrite(ItemSamples.Item(owner.Partition, message.MessageId))).ToList();
            await owner.Store.WriteAsync(writes, cancellationToken);
        }

        public void Dispose() => Interlocked.Decrement(ref owner._active);
    }
}
