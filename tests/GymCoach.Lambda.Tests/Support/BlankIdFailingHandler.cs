using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Batching;

namespace GymCoach.Lambda.Tests.Support;

/// <summary>A handler that fails, as transient, every message whose id is null or blank, and handles the rest.</summary>
internal sealed class BlankIdFailingHandler : IMessageHandler
{
    public IChunkScope BeginChunk() => new Scope();

    private sealed class Scope : IChunkScope
    {
        public ValueTask HandleAsync(SqsMessage message, CancellationToken cancellationToken) =>
            string.IsNullOrWhiteSpace(message.MessageId) ? throw new TimeoutException("throttled") : ValueTask.CompletedTask;

        public ValueTask CompleteAsync(ChunkCompletion completion, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
