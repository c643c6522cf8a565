using GymCoach.Hosting.Workers;
using GymCoach.Lambda.Runtime;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Queueing;
using Serilog.Events;

namespace GymCoach.Lambda.Hosting;

/// <summary>The bootstrap's configuration, read once per process from environment variables.</summary>
/// <remarks>
/// <list type="table">
/// <item><term><c>_HANDLER</c></term><description>Required: <c>writes</c> or <c>analytics</c>.</description></item>
/// <item><term><c>GYMCOACH_BACKEND</c></term><description><c>aws</c> (default) or <c>embedded</c>.</description></item>
/// <item><term><c>GYMCOACH_TABLE_NAME</c>, <c>AWS_REGION</c></term><description>Required with <c>aws</c>.</description></item>
/// <item><term><c>GYMCOACH_ANALYTICS_QUEUE_URL</c>, <c>GYMCOACH_WRITES_DLQ_URL</c></term><description>Required with <c>aws</c> for <c>writes</c>.</description></item>
/// <item><term><c>GYMCOACH_ANALYTICS_DLQ_URL</c></term><description>Required with <c>aws</c> for <c>analytics</c>.</description></item>
/// <item><term><c>AWS_ENDPOINT_URL</c>, <c>AWS_ENDPOINT_URL_SQS</c>, <c>AWS_ENDPOINT_URL_DYNAMODB</c></term><description>Optional emulator endpoints (<c>aws</c>).</description></item>
/// <item><term><c>GYMCOACH_CHUNK_SIZE</c>, <c>GYMCOACH_MAX_CONCURRENT_CHUNKS</c>, <c>GYMCOACH_DEADLINE_SAFETY_MARGIN_MS</c></term><description>Batch processor settings; defaults 100, 5, 3000.</description></item>
/// <item><term><c>GYMCOACH_LOG_LEVEL</c></term><description><c>Verbose</c> … <c>Fatal</c>; default <c>Information</c>.</description></item>
/// <item><term><c>GYMCOACH_EMBEDDED_FAIL_MESSAGE_ID</c></term><description>Diagnostics, <c>embedded</c> only: the function throws for an event holding this message id.</description></item>
/// </list>
/// </remarks>
internal sealed record LambdaSettings
{
    public const string WritesHandler = "writes";
    public const string AnalyticsHandler = "analytics";
    public const string AwsBackend = "aws";
    public const string EmbeddedBackend = "embedded";

    public required WorkerKind Worker { get; init; }

    public BackendKind Backend { get; init; } = BackendKind.Aws;

    /// <summary>The DynamoDB table (<c>aws</c>); null with <c>embedded</c>.</summary>
    public string? TableName { get; init; }

    public string? Region { get; init; }

    /// <summary>Where the writes worker sends recompute requests (<c>aws</c>, writes).</summary>
    public Uri? AnalyticsQueueUrl { get; init; }

    /// <summary>The hosted worker's dead-letter queue (<c>aws</c>): the writes or the analytics DLQ.</summary>
    public Uri? DeadLetterQueueUrl { get; init; }

    public Uri? SqsEndpoint { get; init; }

    public Uri? DynamoDbEndpoint { get; init; }

    public BatchProcessorOptions Processor { get; init; } = new();

    public LogEventLevel LogLevel { get; init; } = LogEventLevel.Information;

    /// <summary>The function's name for its metrics: <c>AWS_LAMBDA_FUNCTION_NAME</c>, else <c>gymcoach-&lt;worker&gt;-worker</c>.</summary>
    public string FunctionName { get; init; } = "gymcoach-worker";

    /// <summary>The consumed queue's name for its metrics: <c>GYMCOACH_QUEUE_NAME</c>, else <c>gymcoach-writes</c> or <c>gymcoach-analytics</c>.</summary>
    public string SourceQueueName { get; init; } = QueueDefinitions.Writes.Name;

    /// <summary>Embedded backend only: a message id that makes the function throw; null for none.</summary>
    public string? FailMessageId { get; init; }

    /// <summary>Reads and validates every variable, reporting all problems at once.</summary>
    /// <exception cref="RuntimeInitException">
    /// One or more variables are missing or invalid; the message lists each. Its type is
    /// <see cref="RuntimeErrorTypes.NoSuchHandler"/> when <c>_HANDLER</c> is among them, else <see cref="RuntimeErrorTypes.ConfigInvalid"/>.
    /// </exception>
    public static LambdaSettings Read(Func<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var reader = new SettingsReader(variables);
        var worker = reader.Choice(
            RuntimeEnvironmentVariables.Handler,
            null,
            [(WritesHandler, WorkerKind.Writes), (AnalyticsHandler, WorkerKind.Analytics)]);
        var handlerInvalid = reader.Errors.Count > 0;
        var backend = reader.Choice(
            EnvironmentVariables.Backend,
            BackendKind.Aws,
            [(AwsBackend, BackendKind.Aws), (EmbeddedBackend, BackendKind.Embedded)]);
        var processor = new BatchProcessorOptions
        {
            ChunkSize = reader.WholeNumber(EnvironmentVariables.ChunkSize, 100, 1, BatchProcessorOptions.MaxChunkSize),
            MaxConcurrentChunks = reader.WholeNumber(EnvironmentVariables.MaxConcurrentChunks, 5, 1, 1000),
            DeadlineSafetyMargin = TimeSpan.FromMilliseconds(reader.WholeNumber(
                EnvironmentVariables.DeadlineSafetyMarginMs,
                3000,
                0,
                (int)BatchProcessorOptions.MaxDeadlineSafetyMargin.TotalMilliseconds)),
        };
        var logLevel = reader.LogLevel(EnvironmentVariables.LogLevel, LogEventLevel.Information);
        var failMessageId = reader.Optional(EnvironmentVariables.EmbeddedFailMessageId);
        if (failMessageId is not null && backend != BackendKind.Embedded)
        {
            reader.Fail($"{EnvironmentVariables.EmbeddedFailMessageId} is only allowed with {EnvironmentVariables.Backend}={EmbeddedBackend}.");
        }

        var workerName = worker == WorkerKind.Analytics ? AnalyticsHandler : WritesHandler;
        var settings = new LambdaSettings
        {
            FunctionName = reader.Optional(EnvironmentVariables.FunctionName) ?? $"gymcoach-{workerName}-worker",
            SourceQueueName = reader.Optional(EnvironmentVariables.QueueName) ?? (worker == WorkerKind.Analytics ? QueueDefinitions.Analytics : QueueDefinitions.Writes).Name,
            Worker = worker ?? WorkerKind.Writes,
            Backend = backend ?? BackendKind.Aws,
            Processor = processor,
            LogLevel = logLevel,
            FailMessageId = failMessageId,
        };
        if (backend == BackendKind.Aws)
        {
            var writes = worker == WorkerKind.Writes;
            var sharedEndpoint = reader.Url(EnvironmentVariables.EndpointUrl, required: false);
            settings = settings with
            {
                TableName = reader.Required(EnvironmentVariables.TableName),
                Region = reader.Required(EnvironmentVariables.Region),
                AnalyticsQueueUrl = writes ? reader.Url(EnvironmentVariables.AnalyticsQueueUrl, required: true) : null,
                DeadLetterQueueUrl = worker switch
                {
                    WorkerKind.Writes => reader.Url(EnvironmentVariables.WritesDeadLetterQueueUrl, required: true),
                    WorkerKind.Analytics => reader.Url(EnvironmentVariables.AnalyticsDeadLetterQueueUrl, required: true),
                    _ => null,
                },
                SqsEndpoint = reader.Url(EnvironmentVariables.SqsEndpointUrl, required: false) ?? sharedEndpoint,
                DynamoDbEndpoint = reader.Url(EnvironmentVariables.DynamoDbEndpointUrl, required: false) ?? sharedEndpoint,
            };
        }

        if (reader.Errors.Count > 0)
        {
            throw new RuntimeInitException(
                handlerInvalid ? RuntimeErrorTypes.NoSuchHandler : RuntimeErrorTypes.ConfigInvalid,
                "Invalid configuration: " + string.Join(" ", reader.Errors));
        }

        return settings;
    }
}
