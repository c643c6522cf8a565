using GymCoach.Lambda.Hosting;
using GymCoach.Lambda.Runtime;
using GymCoach.Lambda.Tests.Support;

namespace GymCoach.Lambda.Tests.Hosting;

[Collection(InProcessRuntimeCollection.Name)]
public sealed class LambdaHostTests
{
    [Fact]
    public async Task UnknownHandler_PostsAnInitError_AndFails_WithoutAskingForAnInvocation()
    {
        var variables = Variables.Embedded("ingest");
        await using var host = new HostHarness(variables);

        var initError = await host.Api.WaitForInitErrorAsync();

        Assert.Equal(RuntimeExitCodes.Failed, await host.Run.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(RuntimeErrorTypes.NoSuchHandler, initError.FunctionErrorType);
        Assert.Equal("RuntimeInitException", initError.Json.GetProperty("errorType").GetString());
        Assert.Contains("_HANDLER 'ingest' is not one of writes, analytics.", initError.Json.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, host.Api.NextRequests);
        Assert.Contains("\"@l\":\"Fatal\"", host.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwsBackend_WithItsServicesUnreachable_ReportsEveryMessageForRetry_WithoutAcknowledgingAny()
    {
        // Endpoints where nothing listens: the function must answer (not crash) and keep every message for a retry.
        var variables = Variables.AwsWrites();
        variables["AWS_ENDPOINT_URL_SQS"] = "http://127.0.0.1:9";
        variables["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:9";
        await using var host = new HostHarness(variables);

        var result = await host.Api.WaitForResultAsync(
            host.Api.Enqueue(SqsEvents.Json(("w1", SqsEvents.WorkoutBody(SqsEvents.Workout("workout-1"))))),
            TimeSpan.FromMinutes(1));

        Assert.Equal(["w1"], result.FailedMessageIds);
    }

    [Fact]
    public async Task EachInvocation_WritesItsMetricsAsEmbeddedMetricFormat_OnTheLogOutput()
    {
        var variables = Variables.Embedded("writes");
        variables["AWS_LAMBDA_FUNCTION_NAME"] = "gymcoach-writes-worker-test";
        variables["GYMCOACH_QUEUE_NAME"] = "gymcoach-writes-test";
        await using var host = new HostHarness(variables);

        await host.Api.WaitForResultAsync(host.Api.Enqueue(SqsEvents.Json(
            ("w1", SqsEvents.WorkoutBody(SqsEvents.Workout("workout-1"))),
            ("p1", SqsEvents.PoisonBody))));

        var documents = host.Log.Split('\n').Where(line => line.Contains("\"_aws\"", StringComparison.Ordinal)).Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement).ToList();
        var worker = Assert.Single(documents, d => d.TryGetProperty("QueueName", out _));
        Assert.Equal("gymcoach-writes-worker-test", worker.GetProperty("FunctionName").GetString());
        Assert.Equal("gymcoach-writes-test", worker.GetProperty("QueueName").GetString());
        Assert.Equal(2, worker.GetProperty("MessagesReceived").GetDouble());
        Assert.Equal(1, worker.GetProperty("MessagesSucceeded").GetDouble());
        Assert.Equal(1, worker.GetProperty("MessagesDeadLettered").GetDouble());
        Assert.Equal(5, Assert.Single(worker.GetProperty("ChunkConcurrencyLimit").EnumerateArray()).GetDouble());
        Assert.Equal(0, worker.GetProperty("ChunkConcurrencyDecreases").GetDouble());
        Assert.Equal("GymCoach", worker.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Namespace").GetString());
    }

    [Fact]
    public async Task EmbeddedWrites_StoresWorkouts_DeadLettersPoison_AndKeepsItsStoreAcrossInvocations()
    {
        await using var host = new HostHarness(Variables.Embedded("writes"));

        var first = await host.Api.WaitForResultAsync(host.Api.Enqueue(SqsEvents.Json(
            ("w1", SqsEvents.WorkoutBody(SqsEvents.Workout("workout-1"))),
            ("p1", SqsEvents.PoisonBody))));
        var conflicting = await host.Api.WaitForResultAsync(host.Api.Enqueue(SqsEvents.Json(
            ("w1-again", SqsEvents.WorkoutBody(SqsEvents.Workout("workout-1", weight: 120m))))));

        Assert.Empty(first.FailedMessageIds);
        Assert.Empty(conflicting.FailedMessageIds);
        var outcomes = LogLines.Outcomes(host.Log);
        Assert.Equal([(1, 1), (0, 1)], outcomes.Select(line => (line.Count("SucceededCount"), line.Count("DeadLetteredCount"))));
    }

    [Fact]
    public async Task EmbeddedAnalytics_AnswersRecomputeRequests()
    {
        await using var host = new HostHarness(Variables.Embedded("analytics"));

        var post = await host.Api.WaitForResultAsync(host.Api.Enqueue(SqsEvents.Json(("r1", SqsEvents.RecomputeBody("user-1")))));

        Assert.Equal(RuntimePostKind.Response, post.Kind);
        Assert.Empty(post.FailedMessageIds);
        Assert.Equal(1, LogLines.Outcomes(host.Log).Single().Count("SucceededCount"));
    }

    [Fact]
    public async Task Stopping_ExitsWithZero()
    {
        await using var host = new HostHarness(Variables.Embedded());
        await Poll.UntilAsync(() => host.Api.NextRequests == 1);

        await host.StopAsync();

        Assert.Equal(RuntimeExitCodes.Stopped, await host.Run.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    /// <summary><see cref="LambdaHost"/> running in this process against a fake runtime API, its log kept in memory.</summary>
    private sealed class HostHarness : IAsyncDisposable
    {
        private readonly HttpClient _httpClient = RuntimeApiClient.CreateHttpClient();
        private readonly StringWriter _log = new();
        private readonly TextWriter _synchronizedLog;
        private readonly CancellationTokenSource _stopping = new();

        public HostHarness(IReadOnlyDictionary<string, string> variables)
        {
            // The synchronized writer locks on itself, so reading under the same lock never sees a write half done.
            _synchronizedLog = TextWriter.Synchronized(_log);
            Api = FakeRuntimeApi.Start();
            Run = LambdaHost.RunAsync(new RuntimeApiClient(Api.Address, _httpClient), Variables.Reader(variables), _synchronizedLog, _stopping.Token);
        }

        public FakeRuntimeApi Api { get; }

        public Task<int> Run { get; }

        public string Log
        {
            get
            {
                lock (_synchronizedLog)
                {
                    return _log.ToString();
                }
            }
        }

        public Task StopAsync() => _stopping.CancelAsync();

        public async ValueTask DisposeAsync()
        {
            await _stopping.CancelAsync();
            await Run.WaitAsync(TimeSpan.FromSeconds(10));
            await Api.DisposeAsync();
            _httpClient.Dispose();
            _stopping.Dispose();
            await _log.DisposeAsync();
        }
    }
}
