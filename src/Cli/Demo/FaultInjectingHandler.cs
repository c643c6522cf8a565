using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Batching;

namespace GymCoach.Cli.Demo;

/// <summary>A worker's handler with the <see cref="FaultInjector"/>'s failures in front of it.</summary>
internal sealed class FaultInjectingHandler(IMessageHandler inner, FaultInjector injector) : IMessageHandler
{
    public IChunkScope BeginChunk() => new Scope(inner.BeginChunk(), injector);

    private sealed class Scope(IChunkScope inner, FaultInjector injector) : IChunkScope
    {
        public ValueTask HandleAsync(SqsMessage message, CancellationToken cancellationToken)
        {
            injector.MaybeFail(message);
            return inner.HandleAsync(message, cancellationToken);
        }

        public ValueTask CompleteAsync(ChunkCompletion completion, CancellationToken cancellationToken) =>
            inner.CompleteAsync(completion, cancellationToken);
    }
}
