using GymCoach.Aws.DynamoDb;
using GymCoach.Aws.Sqs;
using GymCoach.Contracts.Queueing;
using GymCoach.Contracts.Storage;
using GymCoach.Embedded.Queueing;
using GymCoach.Embedded.Storage;
using GymCoach.Ingest.Api;
using GymCoach.Ingest.Lambda.Hosting;
using GymCoach.Workers.Caching;
using GymCoach.Workers.Metrics;
using GymCoach.Workers.Queueing;
using GymCoach.Workers.ReadSide;

namespace GymCoach.Ingest.Lambda.Composition;

/// <summary>Builds the API's backend once per process: the two queues, the table, the analytics cache, and the metrics of each.</summary>
internal static class ApiBackend
{
    /// <remarks>
    /// Each request's messages go straight to the queue (<see cref="IngestBackend.Direct"/>): an environment serves one
    /// request at a time, so an auto-batching publisher would only add its linger to every answer. No request is made
    /// here: the queues' ARNs follow from their URLs, so initialization stays fast.
    /// </remarks>
    /// <param name="clients">Receives the AWS clients created here, one of each per process, for the host to dispose when it stops.</param>
    public static IngestBackend Create(ApiLambdaSettings settings, MetricsRecorder recorder, ICollection<IDisposable> clients)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(clients);
        IMessageQueue writes;
        IMessageQueue analytics;
        IItemStore store;
        if (settings.Embedded)
        {
            writes = new EmbeddedQueue(new EmbeddedQueueOptions { Name = QueueDefinitions.Writes.Name });
            analytics = new EmbeddedQueue(new EmbeddedQueueOptions { Name = QueueDefinitions.Analytics.Name });
            store = new EmbeddedItemStore();
        }
        else
        {
            var region = settings.Region ?? SqsConnection.EmulatorRegion;
            var sqs = SqsClientFactory.Create(settings.SqsEndpoint is { } sqsEndpoint
                ? SqsConnection.Emulator(sqsEndpoint, region)
                : SqsConnection.Aws(settings.Region));
            var dynamoDb = DynamoDbClientFactory.Create(settings.DynamoDbEndpoint is { } dynamoDbEndpoint
                ? DynamoDbClientSettings.ForEmulator(dynamoDbEndpoint)
                : DynamoDbClientSettings.ForAws(settings.Region));
            clients.Add(sqs);
            clients.Add(dynamoDb);
            var table = new DynamoDbItemStore(dynamoDb, new DynamoDbStoreOptions { TableName = settings.TableName! });
            recorder.AddSource(new StoreStatisticsSource(table));
            writes = SqsQueue.FromUrl(sqs, settings.WritesQueueUrl!, region);
            analytics = SqsQueue.FromUrl(sqs, settings.AnalyticsQueueUrl!, region);
            store = table;
        }

        // The cache lives as long as the environment; its entries expire by the cache's own age limit, since no
        // recompute in the workers' functions can reach it to refresh it.
        var cache = new AnalyticsCache(new CacheOptions());
        recorder.AddSource(new CacheMetricsSource(cache));
        var meteredStore = new MeteredItemStore(store, recorder);
        return IngestBackend.Direct(
            new MeteredMessageQueue(writes, recorder),
            new MeteredMessageQueue(analytics, recorder),
            meteredStore,
            new AnalyticsReader(meteredStore, cache)) with { Metrics = recorder };
    }
}
