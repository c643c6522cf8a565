namespace GymCoach.Lambda.Hosting;

/// <summary>The environment variables the bootstrap reads, besides the runtime's own (<c>AWS_LAMBDA_RUNTIME_API</c>, <c>_HANDLER</c>).</summary>
internal static class EnvironmentVariables
{
    public const string Backend = "GYMCOACH_BACKEND";
    public const string TableName = "GYMCOACH_TABLE_NAME";
    public const string AnalyticsQueueUrl = "GYMCOACH_ANALYTICS_QUEUE_URL";
    public const string WritesDeadLetterQueueUrl = "GYMCOACH_WRITES_DLQ_URL";
    public const string AnalyticsDeadLetterQueueUrl = "GYMCOACH_ANALYTICS_DLQ_URL";
    public const string ChunkSize = "GYMCOACH_CHUNK_SIZE";
    public const string MaxConcurrentChunks = "GYMCOACH_MAX_CONCURRENT_CHUNKS";
    public const string DeadlineSafetyMarginMs = "GYMCOACH_DEADLINE_SAFETY_MARGIN_MS";
    public const string LogLevel = "GYMCOACH_LOG_LEVEL";

    /// <summary>The queue the function consumes, the QueueName dimension of its metrics.</summary>
    public const string QueueName = "GYMCOACH_QUEUE_NAME";

    /// <summary>Set by Lambda: the function's name, the FunctionName dimension of its metrics.</summary>
    public const string FunctionName = "AWS_LAMBDA_FUNCTION_NAME";

    /// <summary>Embedded backend only: the function throws when an event holds this message id (diagnostics).</summary>
    public const string EmbeddedFailMessageId = "GYMCOACH_EMBEDDED_FAIL_MESSAGE_ID";

    /// <summary>Set by Lambda in every function.</summary>
    public const string Region = "AWS_REGION";

    /// <summary>The AWS SDK's endpoint overrides, for emulators: all services, then per service.</summary>
    public const string EndpointUrl = "AWS_ENDPOINT_URL";
    public const string SqsEndpointUrl = "AWS_ENDPOINT_URL_SQS";
    public const string DynamoDbEndpointUrl = "AWS_ENDPOINT_URL_DYNAMODB";
}
