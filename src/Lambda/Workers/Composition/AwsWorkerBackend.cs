using GymCoach.Aws.DynamoDb;
using GymCoach.Aws.Sqs;
using GymCoach.Contracts.Queueing;
using GymCoach.Contracts.Storage;
using GymCoach.Hosting.Workers;
using GymCoach.Lambda.Hosting;

namespace GymCoach.Lambda.Composition;

/// <summary>Amazon DynamoDB and SQS: the production backend, its clients created once per process and reused by every invocation.</summary>
internal sealed class AwsWorkerBackend : IWorkerBackend
{
    private readonly IDisposable[] _clients;

    private AwsWorkerBackend(IItemStore store, IMessageQueue? analyticsQueue, IMessageQueue deadLetterQueue, params IDisposable[] clients)
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
        var region = settings.Region ?? SqsConnection.EmulatorRegion;
        var sqs = SqsClientFactory.Create(settings.SqsEndpoint is { } sqsEndpoint
            ? SqsConnection.Emulator(sqsEndpoint, region)
            : SqsConnection.Aws(settings.Region));
        var dynamoDb = DynamoDbClientFactory.Create(settings.DynamoDbEndpoint is { } dynamoDbEndpoint
            ? DynamoDbClientSettings.ForEmulator(dynamoDbEndpoint)
            : DynamoDbClientSettings.ForAws(settings.Region));
        var store = new DynamoDbItemStore(dynamoDb, new DynamoDbStoreOptions { TableName = settings.TableName! });
        var analytics = settings.Worker == WorkerKind.Writes ? SqsQueue.FromUrl(sqs, settings.AnalyticsQueueUrl!, region) : null;
        return new AwsWorkerBackend(store, analytics, SqsQueue.FromUrl(sqs, settings.DeadLetterQueueUrl!, region), sqs, dynamoDb);
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }
}
