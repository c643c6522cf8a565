using GymCoach.Contracts.Queueing;
using GymCoach.Contracts.Storage;
using GymCoach.Hosting.Workers;
using GymCoach.Embedded.Queueing;
using GymCoach.Embedded.Storage;
using GymCoach.Workers.Queueing;

namespace GymCoach.Lambda.Composition;

/// <summary>The in-process store and queues, living as long as the process: for the runtime tests and as a diagnostic mode.</summary>
/// <remarks>Nothing leaves the process: recompute requests and dead letters stay in queues that nothing reads.</remarks>
internal sealed class EmbeddedWorkerBackend : IWorkerBackend
{
    public EmbeddedWorkerBackend(WorkerKind worker)
    {
        Store = new EmbeddedItemStore();
        AnalyticsQueue = worker == WorkerKind.Writes ? new EmbeddedQueue(new EmbeddedQueueOptions { Name = QueueDefinitions.Analytics.Name }) : null;
        DeadLetterQueue = new EmbeddedQueue(new EmbeddedQueueOptions
        {
            Name = (worker == WorkerKind.Writes ? QueueDefinitions.Writes : QueueDefinitions.Analytics).DeadLetterName!,
        });
    }

    public IItemStore Store { get; }

    public IMessageQueue? AnalyticsQueue { get; }

    public IMessageQueue DeadLetterQueue { get; }

    /// <summary>Nothing to release: the in-process store and queues go with the process.</summary>
    public void Dispose()
    {
    }
}
