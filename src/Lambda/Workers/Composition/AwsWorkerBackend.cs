using GymCoach.Aws.Clients;
using GymCoach.Contracts.Queueing;
using GymCoach.Contracts.Storage;
using GymCoach.Hosting.Workers;
using GymCoach.Lambda.Hosting;

namespace GymCoach.Lambda.Composition;

/// <summary>Amazon DynamoDB and SQS: the production backend, its clients created once per process and reused by every invocation.</summary>
internal sealed class AwsWorkerBackend : IWorkerBackend
{
    private readonly AwsClients _clients;

    private AwsWorkerBackend(IItemStore store, IMessageQueue? analyticsQueue, IMessageQueue deadLetterQueue, AwsClients clients)
    {
        _clients = clients;
        Store = store;
        AnalyticsQueue = analyticsQueue;
        DeadLetterQueue = deadLetterQueue;
    }

    public IItemStore Store { get; }

    public IMessageQueue? AnalyticsQueue { get; }

    public IMessageQueue DeadLetterQueue { get; }

    /// <summary>Builds the store on the table and the queues from their URLs; emulator endpoints replace AWS's when set.</summary>
    /// <remarks>No request is made here: the queues' ARNs follow from their URLs, so initialization stays fast.</remarks>
    public static IWorkerBackend Create(LambdaSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var aws = AwsClients.Create(settings.Region, settings.SqsEndpoint, settings.DynamoDbEndpoint);
        var analytics = settings.Worker == WorkerKind.Writes ? aws.Queue(settings.AnalyticsQueueUrl!) : null;
        return new AwsWorkerBackend(aws.Table(settings.TableName!), analytics, aws.Queue(settings.DeadLetterQueueUrl!), aws);
    }

    public void Dispose() => _clients.Dispose();
}
