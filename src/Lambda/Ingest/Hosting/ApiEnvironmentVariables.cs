namespace GymCoach.Ingest.Lambda.Hosting;

/// <summary>The environment variables the API's bootstrap reads, besides the runtime's own (<c>AWS_LAMBDA_RUNTIME_API</c>).</summary>
internal static class ApiEnvironmentVariables
{
    public const string Backend = "GYMCOACH_BACKEND";
    public const string TableName = "GYMCOACH_TABLE_NAME";
    public const string WritesQueueUrl = "GYMCOACH_WRITES_QUEUE_URL";
    public const string AnalyticsQueueUrl = "GYMCOACH_ANALYTICS_QUEUE_URL";

    /// <summary>The producers' keys as a JSON list of SHA-256 hashes with operations and rate limits (never the keys themselves).</summary>
    public const string ApiKeys = "GYMCOACH_API_KEYS";

    /// <summary>Host names (comma-separated) the API answers to; default <c>*</c>.</summary>
    public const string AllowedHosts = "GYMCOACH_ALLOWED_HOSTS";

    public const string LogLevel = "GYMCOACH_LOG_LEVEL";

    /// <summary>Set by Lambda: the function's name, the FunctionName dimension of its metrics.</summary>
    public const string FunctionName = "AWS_LAMBDA_FUNCTION_NAME";

    /// <summary>Set by Lambda in every function.</summary>
    public const string Region = "AWS_REGION";

    /// <summary>The AWS SDK's endpoint overrides, for emulators: all services, then per service.</summary>
    public const string EndpointUrl = "AWS_ENDPOINT_URL";
    public const string SqsEndpointUrl = "AWS_ENDPOINT_URL_SQS";
    public const string DynamoDbEndpointUrl = "AWS_ENDPOINT_URL_DYNAMODB";
}
