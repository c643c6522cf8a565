using System.Text.Json;
using GymCoach.Ingest.Api;
using GymCoach.Lambda.Runtime;
using Serilog.Events;

namespace GymCoach.Ingest.Lambda.Hosting;

/// <summary>The API bootstrap's configuration, read once per process from environment variables.</summary>
/// <remarks>
/// <list type="table">
/// <item><term><c>GYMCOACH_BACKEND</c></term><description><c>aws</c> (default) or <c>embedded</c> (in-process queues and store, for tests).</description></item>
/// <item><term><c>GYMCOACH_WRITES_QUEUE_URL</c>, <c>GYMCOACH_ANALYTICS_QUEUE_URL</c>, <c>GYMCOACH_TABLE_NAME</c>, <c>AWS_REGION</c></term><description>Required with <c>aws</c>.</description></item>
/// <item><term><c>GYMCOACH_API_KEYS</c></term><description>A JSON list of keys by SHA-256 (<c>[{"name","sha256","operations","requestsPerSecond","burst"}]</c>); default none, which refuses every <c>/v1</c> request.</description></item>
/// <item><term><c>GYMCOACH_ALLOWED_HOSTS</c></term><description>Host names the API answers to, comma-separated; default <c>*</c>.</description></item>
/// <item><term><c>AWS_ENDPOINT_URL</c>, <c>AWS_ENDPOINT_URL_SQS</c>, <c>AWS_ENDPOINT_URL_DYNAMODB</c></term><description>Optional emulator endpoints (<c>aws</c>).</description></item>
/// <item><term><c>GYMCOACH_LOG_LEVEL</c></term><description><c>Verbose</c> … <c>Fatal</c>; default <c>Information</c>.</description></item>
/// </list>
/// </remarks>
internal sealed record ApiLambdaSettings
{
    public const string DefaultFunctionName = "gymcoach-api";

    public bool Embedded { get; init; }

    public string? TableName { get; init; }

    public string? Region { get; init; }

    public Uri? WritesQueueUrl { get; init; }

    public Uri? AnalyticsQueueUrl { get; init; }

    public Uri? SqsEndpoint { get; init; }

    public Uri? DynamoDbEndpoint { get; init; }

    public required IngestApiOptions Api { get; init; }

    public LogEventLevel LogLevel { get; init; } = LogEventLevel.Information;

    /// <summary>The <c>FunctionName</c> dimension of the API's metrics: <c>AWS_LAMBDA_FUNCTION_NAME</c>, else <c>gymcoach-api</c>.</summary>
    public string FunctionName { get; init; } = DefaultFunctionName;

    /// <summary>Reads and validates every variable, reporting all problems at once.</summary>
    /// <exception cref="RuntimeInitException">One or more variables are missing or invalid; the message lists each (never a key's value).</exception>
    public static ApiLambdaSettings Read(Func<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var reader = new SettingsReader(variables);
        var embedded = reader.Choice(ApiEnvironmentVariables.Backend, false, [("aws", false), ("embedded", true)]) ?? false;
        var api = new IngestApiOptions
        {
            ApiKeys = Keys(reader),
            AllowedHosts = [.. (reader.Optional(ApiEnvironmentVariables.AllowedHosts) ?? "*")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        };
        try
        {
            api.Validate();
        }
        catch (ArgumentException ex)
        {
            reader.Fail(ex.Message);
        }

        var settings = new ApiLambdaSettings
        {
            Embedded = embedded,
            Api = api,
            LogLevel = reader.LogLevel(ApiEnvironmentVariables.LogLevel, LogEventLevel.Information),
            FunctionName = reader.Optional(ApiEnvironmentVariables.FunctionName) ?? DefaultFunctionName,
        };
        if (!embedded)
        {
            var sharedEndpoint = reader.Url(ApiEnvironmentVariables.EndpointUrl, required: false);
            settings = settings with
            {
                TableName = reader.Required(ApiEnvironmentVariables.TableName),
                Region = reader.Required(ApiEnvironmentVariables.Region),
                WritesQueueUrl = reader.Url(ApiEnvironmentVariables.WritesQueueUrl, required: true),
                AnalyticsQueueUrl = reader.Url(ApiEnvironmentVariables.AnalyticsQueueUrl, required: true),
                SqsEndpoint = reader.Url(ApiEnvironmentVariables.SqsEndpointUrl, required: false) ?? sharedEndpoint,
                DynamoDbEndpoint = reader.Url(ApiEnvironmentVariables.DynamoDbEndpointUrl, required: false) ?? sharedEndpoint,
            };
        }

        if (reader.Errors.Count > 0)
        {
            throw new RuntimeInitException(RuntimeErrorTypes.ConfigInvalid, "Invalid configuration: " + string.Join(" ", reader.Errors));
        }

        return settings;
    }

    private static List<ApiKeyOptions> Keys(SettingsReader reader)
    {
        var json = reader.Optional(ApiEnvironmentVariables.ApiKeys);
        if (json is null)
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize(json, ApiKeysJsonContext.Default.ListApiKeyOptions) ?? [];
        }
        catch (JsonException ex)
        {
            // The parser's message names the place, not the text: the list holds hashes only, but say no more than needed.
            reader.Fail($"{ApiEnvironmentVariables.ApiKeys} is not a JSON list of keys ({ex.Path}, line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}).");
            return [];
        }
    }
}
