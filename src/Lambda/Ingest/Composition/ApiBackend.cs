using GymCoach.Aws.Clients;
using GymCoach.Aws.DynamoDb;
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
            var aws = AwsClients.Create(settings.Region, settings.SqsEndpoint, settings.DynamoDbEndpoint);
            clients.Add(aws);
            var table = aws.Table(settings.TableName!);
            recorder.AddSource(new StoreStatisticsSource(table));
            writes = aws.Queue(settings.WritesQueueUrl!);
            analytics = aws.Queue(settings.AnalyticsQueueUrl!);
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
