using System.IO.Compression;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Amazon.SQS.Model;
using GymCoach.Aws.DynamoDb;
using GymCoach.Aws.Sqs;
using GymCoach.Cli.Emulators;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Queueing;
using GymCoach.Workers.Storage;
using GymCoach.TestSupport;

namespace GymCoach.Integration.Tests.Infrastructure;

/// <summary>The AWS template: lint-clean, deployable (into moto's CloudFormation), and in agreement with the definitions the local backend uses.</summary>
[Trait("Category", "Slow")]
public sealed class TemplateTests : IAsyncLifetime
{
    private const string Stage = "ci";
    private const string AwsCliHint = "the AWS CLI (pip install awscli)";
    private static readonly string TemplatePath = TemplateDocument.Path;
    private MotoServer? _moto;

    public async Task InitializeAsync() => _moto = await MotoServer.StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (_moto is not null)
        {
            await _moto.DisposeAsync();
        }
    }

    [Fact]
    public async Task CfnLint_FindsNothingInTheTemplate()
    {
        var (exitCode, output, error) = await ExternalTool.RunAsync("cfn-lint", "cfn-lint (pip install cfn-lint)", null, TemplatePath);

        Assert.True(exitCode == 0, $"cfn-lint reported problems:\n{output}{error}");
    }

    [Fact]
    public async Task TheTemplatesDashboardAndAlarms_AreExactlyTheOnesGeneratedFromTheMetricCatalogue()
    {
        using var template = await TemplateDocument.LoadAsync();
        var resources = template.RootElement.GetProperty("Resources");
        var root = RepositoryRoot.Path;

        var body = resources.GetProperty("Dashboard").GetProperty("Properties").GetProperty("DashboardBody").GetProperty("Fn::Sub").GetString();
        var dashboard = await File.ReadAllTextAsync(Path.Combine(root, "infrastructure", "dashboard.json"));
        Assert.Equal(Canonical(dashboard), Canonical(body!));

        using var alarms = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(root, "infrastructure", "alarms.json")));
        var templateAlarms = resources.EnumerateObject().Where(r => r.Value.GetProperty("Type").GetString() == "AWS::CloudWatch::Alarm").ToList();
        Assert.Equal(alarms.RootElement.EnumerateObject().Select(a => a.Name).Order(), templateAlarms.Select(a => a.Name).Order());
        foreach (var alarm in alarms.RootElement.EnumerateObject())
        {
            Assert.Equal(Canonical(alarm.Value.GetRawText()), Canonical(resources.GetProperty(alarm.Name).GetRawText()));
        }
    }

    [Fact]
    public async Task Template_DeploysIntoCloudFormation_AndMatchesTheSharedDefinitions()
    {
        await DeployAsync();

        var sqs = SqsClientFactory.Create(SqsConnection.Emulator(_moto!.Endpoint));
        foreach (var definition in QueueDefinitions.All)
        {
            var attributes = await QueueAttributesAsync(sqs, $"{definition.Name}-{Stage}");
            Assert.Equal(((int)definition.VisibilityTimeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture), attributes["VisibilityTimeout"]);
            Assert.Equal(((int)definition.MessageRetention.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture), attributes["MessageRetentionPeriod"]);
            Assert.Equal("true", attributes["SqsManagedSseEnabled"]);
            using var redrive = JsonDocument.Parse(attributes["RedrivePolicy"]);
            Assert.Equal(definition.MaxReceiveCount, redrive.RootElement.GetProperty("maxReceiveCount").GetInt32());
            Assert.EndsWith($":{definition.Name}-{Stage}-dlq", redrive.RootElement.GetProperty("deadLetterTargetArn").GetString(), StringComparison.Ordinal);

            var deadLetter = await QueueAttributesAsync(sqs, $"{definition.Name}-{Stage}-dlq");
            Assert.Equal(((int)definition.DeadLetterRetention.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture), deadLetter["MessageRetentionPeriod"]);
        }

        var dynamoDb = DynamoDbClientFactory.Create(DynamoDbClientSettings.ForEmulator(_moto.Endpoint));
        var table = (await dynamoDb.DescribeTableAsync($"gymcoach-{Stage}")).Table;
        var expected = DynamoDbTableSchema.CreateTableRequest($"gymcoach-{Stage}");
        Assert.Equal(Keys(expected.KeySchema), Keys(table.KeySchema));
        Assert.Equal(
            expected.AttributeDefinitions.Select(a => $"{a.AttributeName}:{a.AttributeType}").Order(),
            table.AttributeDefinitions.Select(a => $"{a.AttributeName}:{a.AttributeType}").Order());
        Assert.True(table.GlobalSecondaryIndexes is null or { Count: 0 });
        Assert.Equal(DynamoDbTableSchema.BillingMode, table.BillingModeSummary.BillingMode);

        // moto's CloudFormation ignores TimeToLiveSpecification, so the TTL attribute is checked in the template itself.
        Assert.Matches(
            $@"TimeToLiveSpecification:\s+AttributeName: {TableDefinition.TimeToLiveAttribute}\s+Enabled: true",
            await File.ReadAllTextAsync(TemplatePath));

        // The event source mappings follow the design: a writes invocation = the processor's concurrent chunks, full;
        // an analytics invocation = two of its larger chunks (a fold costs a transaction per user per chunk).
        var mappings = await AwsAsync("lambda", "list-event-source-mappings");
        var processor = new BatchProcessorOptions();
        foreach (var mapping in mappings.RootElement.GetProperty("EventSourceMappings").EnumerateArray())
        {
            var analytics = mapping.GetProperty("EventSourceArn").GetString()!.Contains("analytics", StringComparison.Ordinal);
            Assert.Equal(
                analytics ? 2 * Cli.Hosting.PipelineSettings.AnalyticsProcessorOptions().ChunkSize : processor.ChunkSize * processor.MaxConcurrentChunks,
                mapping.GetProperty("BatchSize").GetInt32());
            Assert.Equal((int)QueueDefinitions.BatchingWindow.TotalSeconds, mapping.GetProperty("MaximumBatchingWindowInSeconds").GetInt32());
            Assert.Equal("ReportBatchItemFailures", Assert.Single(mapping.GetProperty("FunctionResponseTypes").EnumerateArray()).GetString());
        }

        Assert.Equal(2, mappings.RootElement.GetProperty("EventSourceMappings").GetArrayLength());

        // The workers' timeout is the one the local runners default to, and no longer than their queues' visibility.
        var functions = (await AwsAsync("lambda", "list-functions")).RootElement.GetProperty("Functions").EnumerateArray().ToList();
        Assert.Equal(3, functions.Count);
        var workers = functions.Where(f => f.GetProperty("FunctionName").GetString()!.Contains("-worker-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, workers.Count);
        Assert.All(workers, f => Assert.Equal((int)QueueDefinitions.FunctionTimeout.TotalSeconds, f.GetProperty("Timeout").GetInt32()));
        Assert.All(QueueDefinitions.All, q => Assert.True(q.VisibilityTimeout >= QueueDefinitions.FunctionTimeout, q.Name));

        // The API: its own function with the queues and table it needs, and a URL the stack hands out.
        var api = Assert.Single(functions, f => f.GetProperty("FunctionName").GetString() == $"gymcoach-api-{Stage}");
        Assert.Equal("provided.al2023", api.GetProperty("Runtime").GetString());
        Assert.True(api.GetProperty("Timeout").GetInt32() > (int)new Ingest.Api.IngestApiOptions().PublishTimeout.TotalSeconds);
        var variables = api.GetProperty("Environment").GetProperty("Variables");
        Assert.EndsWith($"/gymcoach-writes-{Stage}", variables.GetProperty("GYMCOACH_WRITES_QUEUE_URL").GetString(), StringComparison.Ordinal);
        Assert.EndsWith($"/gymcoach-analytics-{Stage}", variables.GetProperty("GYMCOACH_ANALYTICS_QUEUE_URL").GetString(), StringComparison.Ordinal);
        Assert.Equal($"gymcoach-{Stage}", variables.GetProperty("GYMCOACH_TABLE_NAME").GetString());
        var stack = (await AwsAsync("cloudformation", "describe-stacks", "--stack-name", "gymcoach-ci")).RootElement.GetProperty("Stacks")[0];
        var outputs = stack.GetProperty("Outputs").EnumerateArray().Select(o => o.GetProperty("OutputKey").GetString()).ToList();
        Assert.Contains("ApiFunctionArn", outputs);

        // The URL itself is cfn-lint's to check (moto has no function URLs): public, and the function allows that.
        var template = await File.ReadAllTextAsync(TemplatePath);
        Assert.Matches(@"ApiFunctionUrl:\s+Type: AWS::Lambda::Url\s+Properties:\s+TargetFunctionArn: !GetAtt ApiFunction.Arn\s+AuthType: NONE", template);
        Assert.Matches(@"Action: lambda:InvokeFunctionUrl\s+Principal: ""\*""\s+FunctionUrlAuthType: NONE", template);
        // Since October 2025 a function URL also needs lambda:InvokeFunction, limited to calls through the URL.
        Assert.Matches(@"Action: lambda:InvokeFunction\s+Principal: ""\*""\s+InvokedViaFunctionUrl: true", template);
        Assert.Matches(@"ApiUrl:\s+Description: .*\s+Value: !GetAtt ApiFunctionUrl.FunctionUrl", template);
    }

    /// <summary>
    /// The template as moto can create it: moto's CloudFormation has no model of <c>AWS::Lambda::Url</c> (it skips the
    /// resource) and fails the whole stack on an output that reads one of its attributes, so that one output goes.
    /// </summary>
    private static async Task<string> MotoTemplateAsync()
    {
        var text = await File.ReadAllTextAsync(TemplatePath);
        var withoutUrlOutput = System.Text.RegularExpressions.Regex.Replace(text, @"  ApiUrl:\n(    .*\n)+", string.Empty);
        Assert.NotEqual(text, withoutUrlOutput);
        var path = Path.Combine(Path.GetTempPath(), $"gymcoach-template-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, withoutUrlOutput);
        return path;
    }

    private async Task DeployAsync()
    {
        var zip = Path.Combine(Path.GetTempPath(), $"gymcoach-bootstrap-{Guid.NewGuid():N}.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            await using var entry = archive.CreateEntry("bootstrap").Open();
            await entry.WriteAsync("#!/bin/sh\n"u8.ToArray());
        }

        try
        {
            await AwsAsync("s3api", "create-bucket", "--bucket", "gymcoach-artifacts");
            await AwsAsync("s3api", "put-object", "--bucket", "gymcoach-artifacts", "--key", "gymcoach-workers-arm64.zip", "--body", zip);
            await AwsAsync("s3api", "put-object", "--bucket", "gymcoach-artifacts", "--key", "gymcoach-api-arm64.zip", "--body", zip);
        }
        finally
        {
            File.Delete(zip);
        }

        var template = await MotoTemplateAsync();
        try
        {
            await AwsAsync(
                "cloudformation", "create-stack", "--stack-name", "gymcoach-ci", "--template-body", "file://" + template,
                "--parameters", $"ParameterKey=Stage,ParameterValue={Stage}", "ParameterKey=ArtifactBucket,ParameterValue=gymcoach-artifacts",
                "--capabilities", "CAPABILITY_IAM");
        }
        finally
        {
            File.Delete(template);
        }

        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var stack = (await AwsAsync("cloudformation", "describe-stacks", "--stack-name", "gymcoach-ci")).RootElement.GetProperty("Stacks")[0];
            var status = stack.GetProperty("StackStatus").GetString();
            if (status == "CREATE_COMPLETE")
            {
                return;
            }

            Assert.True(status == "CREATE_IN_PROGRESS" && DateTime.UtcNow < deadline, $"stack status {status}: {await FailedResourcesAsync()}");
            await Task.Delay(500);
        }
    }

    private async Task<string> FailedResourcesAsync()
    {
        var events = await AwsAsync("cloudformation", "describe-stack-events", "--stack-name", "gymcoach-ci");
        return string.Join("; ", events.RootElement.GetProperty("StackEvents").EnumerateArray()
            .Where(e => e.GetProperty("ResourceStatus").GetString() == "CREATE_FAILED")
            .Select(e => $"{e.GetProperty("LogicalResourceId").GetString()}: {e.GetProperty("ResourceStatusReason")}"));
    }

    private async Task<JsonDocument> AwsAsync(params string[] args)
    {
        var environment = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = "test",
            ["AWS_SECRET_ACCESS_KEY"] = "test",
            ["AWS_DEFAULT_REGION"] = "us-east-1",
            ["AWS_CONFIG_FILE"] = "/dev/null",
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
        };
        var (exitCode, output, error) = await ExternalTool.RunAsync(
            "aws", AwsCliHint, environment, ["--endpoint-url", _moto!.Endpoint.ToString(), "--output", "json", .. args]);
        Assert.True(exitCode == 0, $"aws {string.Join(' ', args)} failed: {error}");
        return JsonDocument.Parse(string.IsNullOrWhiteSpace(output) ? "{}" : output);
    }

    private static async Task<Dictionary<string, string>> QueueAttributesAsync(Amazon.SQS.AmazonSQSClient sqs, string name)
    {
        var url = (await sqs.GetQueueUrlAsync(name)).QueueUrl;
        return (await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = url, AttributeNames = ["All"] })).Attributes;
    }

    private static string Canonical(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);

    private static string Keys(IEnumerable<KeySchemaElement> keys) => string.Join(",", keys.Select(k => $"{k.AttributeName}:{k.KeyType}"));
}
