using GymCoach.Hosting.Workers;
using GymCoach.Lambda.Composition;
using GymCoach.Lambda.Hosting;
using GymCoach.Lambda.Runtime;
using GymCoach.Lambda.Tests.Support;
using Serilog.Events;

namespace GymCoach.Lambda.Tests.Hosting;

public sealed class LambdaSettingsTests
{
    [Fact]
    public void EmbeddedWrites_NeedsNothingElse_AndTakesTheDefaults()
    {
        var settings = LambdaSettings.Read(Variables.Reader(Variables.Embedded()));

        Assert.Equal(WorkerKind.Writes, settings.Worker);
        Assert.Equal(BackendKind.Embedded, settings.Backend);
        Assert.Equal(100, settings.Processor.ChunkSize);
        Assert.Equal(5, settings.Processor.MaxConcurrentChunks);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.Processor.DeadlineSafetyMargin);
        Assert.Equal(LogEventLevel.Information, settings.LogLevel);
        Assert.Null(settings.TableName);
    }

    [Fact]
    public void AwsIsTheDefaultBackend()
    {
        var variables = Variables.AwsWrites();
        variables.Remove("GYMCOACH_BACKEND");

        Assert.Equal(BackendKind.Aws, LambdaSettings.Read(Variables.Reader(variables)).Backend);
    }

    [Fact]
    public void AwsWrites_ReadsTableQueuesAndRegion()
    {
        var settings = LambdaSettings.Read(Variables.Reader(Variables.AwsWrites()));

        Assert.Equal("gymcoach", settings.TableName);
        Assert.Equal("eu-west-1", settings.Region);
        Assert.Equal("https://sqs.eu-west-1.amazonaws.com/123456789012/gymcoach-analytics", settings.AnalyticsQueueUrl!.AbsoluteUri);
        Assert.Equal("https://sqs.eu-west-1.amazonaws.com/123456789012/gymcoach-writes-dlq", settings.DeadLetterQueueUrl!.AbsoluteUri);
        Assert.Null(settings.SqsEndpoint);
    }

    [Fact]
    public void AwsAnalytics_NeedsItsOwnDeadLetterQueue_ButNoAnalyticsQueue()
    {
        var variables = Variables.AwsWrites();
        variables["_HANDLER"] = "analytics";
        variables.Remove("GYMCOACH_ANALYTICS_QUEUE_URL");
        variables["GYMCOACH_ANALYTICS_DLQ_URL"] = "https://sqs.eu-west-1.amazonaws.com/123456789012/gymcoach-analytics-dlq";

        var settings = LambdaSettings.Read(Variables.Reader(variables));

        Assert.Equal(WorkerKind.Analytics, settings.Worker);
        Assert.Null(settings.AnalyticsQueueUrl);
        Assert.EndsWith("gymcoach-analytics-dlq", settings.DeadLetterQueueUrl!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsWithNothingSet_ListsEveryMissingVariableAtOnce()
    {
        var error = Assert.Throws<RuntimeInitException>(() => LambdaSettings.Read(Variables.Reader(new Dictionary<string, string> { ["_HANDLER"] = "writes" })));

        Assert.Equal(RuntimeErrorTypes.ConfigInvalid, error.FunctionErrorType);
        foreach (var name in new[] { "GYMCOACH_TABLE_NAME", "AWS_REGION", "GYMCOACH_ANALYTICS_QUEUE_URL", "GYMCOACH_WRITES_DLQ_URL" })
        {
            Assert.Contains(name + " is required.", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(null, "_HANDLER is required: one of writes, analytics.")]
    [InlineData("ingest", "_HANDLER 'ingest' is not one of writes, analytics.")]
    [InlineData("Writes", "_HANDLER 'Writes' is not one of writes, analytics.")]
    public void UnknownHandler_IsANoSuchHandlerError_NamingTheValidValues(string? handler, string expected)
    {
        var variables = Variables.Embedded();
        if (handler is null)
        {
            variables.Remove("_HANDLER");
        }
        else
        {
            variables["_HANDLER"] = handler;
        }

        var error = Assert.Throws<RuntimeInitException>(() => LambdaSettings.Read(Variables.Reader(variables)));

        Assert.Equal(RuntimeErrorTypes.NoSuchHandler, error.FunctionErrorType);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidValues_AreAllReported()
    {
        var variables = Variables.AwsWrites();
        variables["GYMCOACH_BACKEND"] = "cloud";
        variables["GYMCOACH_CHUNK_SIZE"] = "0";
        variables["GYMCOACH_MAX_CONCURRENT_CHUNKS"] = "many";
        variables["GYMCOACH_DEADLINE_SAFETY_MARGIN_MS"] = "-1";
        variables["GYMCOACH_LOG_LEVEL"] = "Chatty";

        var error = Assert.Throws<RuntimeInitException>(() => LambdaSettings.Read(Variables.Reader(variables)));

        Assert.Equal(RuntimeErrorTypes.ConfigInvalid, error.FunctionErrorType);
        Assert.Contains("GYMCOACH_BACKEND 'cloud' is not one of aws, embedded.", error.Message, StringComparison.Ordinal);
        Assert.Contains("GYMCOACH_CHUNK_SIZE '0' is not a whole number from 1 to 10000.", error.Message, StringComparison.Ordinal);
        Assert.Contains("GYMCOACH_MAX_CONCURRENT_CHUNKS 'many'", error.Message, StringComparison.Ordinal);
        Assert.Contains("GYMCOACH_DEADLINE_SAFETY_MARGIN_MS '-1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("GYMCOACH_LOG_LEVEL 'Chatty' is not one of Verbose, Debug, Information, Warning, Error, Fatal.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqs.eu-west-1.amazonaws.com/123/q")]
    [InlineData("ftp://example.com/q")]
    public void QueueUrls_MustBeAbsoluteHttpUrls(string url)
    {
        var variables = Variables.AwsWrites();
        variables["GYMCOACH_WRITES_DLQ_URL"] = url;

        var error = Assert.Throws<RuntimeInitException>(() => LambdaSettings.Read(Variables.Reader(variables)));

        Assert.Contains($"GYMCOACH_WRITES_DLQ_URL '{url}' is not an absolute http(s) URL.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EndpointOverrides_PerServiceWinsOverTheSharedOne()
    {
        var variables = Variables.AwsWrites();
        variables["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566";
        variables["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:8000";

        var settings = LambdaSettings.Read(Variables.Reader(variables));

        Assert.Equal("http://127.0.0.1:4566/", settings.SqsEndpoint!.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:8000/", settings.DynamoDbEndpoint!.AbsoluteUri);
    }

    [Fact]
    public void BatchAndLogSettings_AreRead()
    {
        var variables = Variables.Embedded("analytics");
        variables["GYMCOACH_CHUNK_SIZE"] = "50";
        variables["GYMCOACH_MAX_CONCURRENT_CHUNKS"] = "2";
        variables["GYMCOACH_DEADLINE_SAFETY_MARGIN_MS"] = "1500";
        variables["GYMCOACH_LOG_LEVEL"] = "warning";

        var settings = LambdaSettings.Read(Variables.Reader(variables));

        Assert.Equal(50, settings.Processor.ChunkSize);
        Assert.Equal(2, settings.Processor.MaxConcurrentChunks);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), settings.Processor.DeadlineSafetyMargin);
        Assert.Equal(LogEventLevel.Warning, settings.LogLevel);
    }

    [Fact]
    public void FaultInjection_IsOnlyAllowedWithTheEmbeddedBackend()
    {
        var variables = Variables.AwsWrites();
        variables["GYMCOACH_EMBEDDED_FAIL_MESSAGE_ID"] = "m1";

        var error = Assert.Throws<RuntimeInitException>(() => LambdaSettings.Read(Variables.Reader(variables)));

        Assert.Contains("GYMCOACH_EMBEDDED_FAIL_MESSAGE_ID is only allowed with GYMCOACH_BACKEND=embedded.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsBackend_IsBuiltFromTheQueueUrls_WithoutCallingAws()
    {
        var settings = LambdaSettings.Read(Variables.Reader(Variables.AwsWrites()));

        var backend = WorkerBackends.Create(settings);

        Assert.Equal("arn:aws:sqs:eu-west-1:123456789012:gymcoach-analytics", backend.AnalyticsQueue!.Arn);
        Assert.Equal("arn:aws:sqs:eu-west-1:123456789012:gymcoach-writes-dlq", backend.DeadLetterQueue.Arn);
        Assert.Equal("gymcoach-writes-dlq", backend.DeadLetterQueue.Name);
    }
}
