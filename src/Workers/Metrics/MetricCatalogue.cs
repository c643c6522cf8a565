namespace GymCoach.Workers.Metrics;

/// <summary>Every metric the pipeline emits, in the CloudWatch namespace <see cref="Namespace"/>: the one list the EMF writer, the dashboard and the alarms follow.</summary>
/// <remarks>
/// Worker metrics carry <c>FunctionName</c> and <c>QueueName</c>; the rest carry <c>FunctionName</c> only, API
/// requests add <c>StatusClass</c> and cache lookups <c>CacheType</c>. Latencies are distributions (values kept, so CloudWatch computes percentiles);
/// everything else is a counter summed per flush.
/// </remarks>
public static class MetricCatalogue
{
    public const string Namespace = "GymCoach";

    private static readonly string[] Function = [MetricDimensions.FunctionName];
    private static readonly string[] Worker = [MetricDimensions.FunctionName, MetricDimensions.QueueName];
    private static readonly string[] Api = [MetricDimensions.FunctionName, MetricDimensions.StatusClass];
    private static readonly string[] Cache = [MetricDimensions.FunctionName, MetricDimensions.CacheType];

    public static readonly MetricDefinition MessagesReceived = new(
        0, "MessagesReceived", MetricUnit.Count, MetricKind.Counter, Worker, "Messages delivered to the worker in its invocations' events.");

    public static readonly MetricDefinition MessagesSucceeded = new(
        1, "MessagesSucceeded", MetricUnit.Count, MetricKind.Counter, Worker, "Messages handled and completed: deleted from the queue.");

    public static readonly MetricDefinition MessagesFailed = new(
        2, "MessagesFailed", MetricUnit.Count, MetricKind.Counter, Worker,
        "Messages reported for retry (failed, not started, or their whole invocation failed).");

    public static readonly MetricDefinition MessagesDeadLettered = new(
        3, "MessagesDeadLettered", MetricUnit.Count, MetricKind.Counter, Worker, "Poison messages the worker sent to the dead-letter queue.");

    public static readonly MetricDefinition MessagesRetried = new(
        4, "MessagesRetried", MetricUnit.Count, MetricKind.Counter, Worker, "Messages delivered again (ApproximateReceiveCount above 1).");

    public static readonly MetricDefinition QueueLag = new(
        5, "QueueLag", MetricUnit.Milliseconds, MetricKind.Distribution, Worker,
        "Time from a message's SentTimestamp to the start of the invocation that received it.");

    public static readonly MetricDefinition ChunkDuration = new(
        6, "ChunkDuration", MetricUnit.Milliseconds, MetricKind.Distribution, Worker, "Duration of one chunk (up to 100 messages), completion included.");

    public static readonly MetricDefinition InvocationDuration = new(
        7, "InvocationDuration", MetricUnit.Milliseconds, MetricKind.Distribution, Worker, "Duration of one invocation of the worker function.");

    public static readonly MetricDefinition InvocationErrors = new(
        8, "InvocationErrors", MetricUnit.Count, MetricKind.Counter, Worker, "Invocations that threw: their whole batch is retried.");

    public static readonly MetricDefinition AnalyticsRecomputes = new(
        9, "AnalyticsRecomputes", MetricUnit.Count, MetricKind.Counter, Function, "Users' analytics documents recomputed and stored.");

    public static readonly MetricDefinition CacheHits = new(
        10, "CacheHits", MetricUnit.Count, MetricKind.Counter, Cache,
        "Reads answered from an in-process cache, by cache type (analytics, profile, exercises, plans).");

    public static readonly MetricDefinition CacheMisses = new(
        11, "CacheMisses", MetricUnit.Count, MetricKind.Counter, Cache,
        "Reads an in-process cache could not answer (absent or expired), by cache type: they went to the store or the built-in library.");

    public static readonly MetricDefinition StoreLatency = new(
        12, "StoreLatency", MetricUnit.Milliseconds, MetricKind.Distribution, Function, "Duration of one store call (get, write, query), retries included.");

    public static readonly MetricDefinition StoreThrottles = new(
        13, "StoreThrottles", MetricUnit.Count, MetricKind.Counter, Function, "Throttling answers from DynamoDB.");

    public static readonly MetricDefinition StoreRetries = new(
        14, "StoreRetries", MetricUnit.Count, MetricKind.Counter, Function,
        "DynamoDB requests sent again (throttling, transient errors, unprocessed items, transaction conflicts).");

    public static readonly MetricDefinition PublisherBatchFill = new(
        15, "PublisherBatchFill", MetricUnit.Count, MetricKind.Distribution, Function, "Entries per SendMessageBatch call (1–10).");

    public static readonly MetricDefinition PublisherFailures = new(
        16, "PublisherFailures", MetricUnit.Count, MetricKind.Counter, Function,
        "SendMessageBatch entries the queue did not accept (each attempt counts; a whole failed call counts all its entries).");

    public static readonly MetricDefinition ApiRequests = new(
        17, "ApiRequests", MetricUnit.Count, MetricKind.Counter, Api, "HTTP requests answered by the ingest API, by status class.");

    public static readonly MetricDefinition ApiLatency = new(
        18, "ApiLatency", MetricUnit.Milliseconds, MetricKind.Distribution, Function, "Time to answer one HTTP request of the ingest API.");

    public static readonly MetricDefinition ChunkConcurrencyLimit = new(
        19, "ChunkConcurrencyLimit", MetricUnit.Count, MetricKind.Distribution, Worker,
        "Chunks the worker may run at once, sampled at each flush: MaxConcurrentChunks unless throttling lowered it.");

    public static readonly MetricDefinition ChunkConcurrencyDecreases = new(
        20, "ChunkConcurrencyDecreases", MetricUnit.Count, MetricKind.Counter, Worker, "Times throttling halved the worker's chunk concurrency.");

    public static readonly MetricDefinition QueueThrottles = new(
        21, "QueueThrottles", MetricUnit.Count, MetricKind.Counter, Function,
        "Throttling answers from SQS to the worker's sends and deletes that the SDK's own retries did not absorb (each is backed off and retried).");

    /// <summary>Every metric, each at the position of its index.</summary>
    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        MessagesReceived, MessagesSucceeded, MessagesFailed, MessagesDeadLettered, MessagesRetried, QueueLag, ChunkDuration,
        InvocationDuration, InvocationErrors, AnalyticsRecomputes, CacheHits, CacheMisses, StoreLatency, StoreThrottles,
        StoreRetries, PublisherBatchFill, PublisherFailures, ApiRequests, ApiLatency, ChunkConcurrencyLimit, ChunkConcurrencyDecreases,
        QueueThrottles,
    ];

    /// <summary>True when <paramref name="metric"/> is this catalogue's own instance.</summary>
    public static bool Contains(MetricDefinition metric) =>
        metric is not null && metric.Index >= 0 && metric.Index < All.Count && ReferenceEquals(All[metric.Index], metric);

    /// <summary>The metric of that exact name, or null.</summary>
    public static MetricDefinition? Find(string name)
    {
        foreach (var metric in All)
        {
            if (string.Equals(metric.Name, name, StringComparison.Ordinal))
            {
                return metric;
            }
        }

        return null;
    }
}
