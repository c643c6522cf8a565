using System.Collections.Concurrent;
using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Batching;

namespace GymCoach.Workers.Tests.Batching.Fakes;

internal sealed class RecordingObserver : IBatchObserver
{
    public ConcurrentQueue<(string MessageId, Exception Exception, bool Poison)> MessageFailures { get; } = new();

    public ConcurrentQueue<(int ChunkIndex, int Size, int Failed)> Chunks { get; } = new();

    public ConcurrentQueue<BatchOutcome> Batches { get; } = new();

    public void OnMessageFailed(SqsMessage message, Exception exception, bool poison) =>
        MessageFailures.Enqueue((message.MessageId, exception, poison));

    public void OnChunkCompleted(int chunkIndex, int size, int failed, TimeSpan duration) =>
        Chunks.Enqueue((chunkIndex, size, failed));

    public void OnBatchCompleted(BatchOutcome outcome, TimeSpan duration) => Batches.Enqueue(outcome);
}
