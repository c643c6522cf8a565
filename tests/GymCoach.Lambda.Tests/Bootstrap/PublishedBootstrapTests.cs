using GymCoach.Lambda.Runtime;
using GymCoach.Lambda.Tests.Support;

namespace GymCoach.Lambda.Tests.Bootstrap;

/// <summary>The published Native AOT bootstrap, started as a process the way Lambda starts it, against a fake runtime API.</summary>
[Collection(PublishedBootstrapCollection.Name)]
[Trait("Category", "Slow")]
public sealed class PublishedBootstrapTests(PublishedBootstrap bootstrap) : IAsyncLifetime
{
    private readonly FakeRuntimeApi _api = FakeRuntimeApi.Start();
    private BootstrapProcess? _process;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _process?.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task WithoutTheRuntimeApi_ExitsWith2_NamingTheVariable()
    {
        using var process = BootstrapProcess.Start(bootstrap.Path, runtimeApi: string.Empty, Variables.Embedded("writes"));

        Assert.Equal(RuntimeExitCodes.NotInLambda, await process.WaitForExitAsync());
        await Poll.UntilAsync(() => process.Errors.Contains("AWS_LAMBDA_RUNTIME_API is not set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WritesWorker_AnswersWithPartialBatchResponses_AcrossInvocations()
    {
        var process = Start(Variables.Embedded("writes"));

        var stored = await _api.WaitForResultAsync(_api.Enqueue(SqsEvents.Json(
            ("w1", SqsEvents.WorkoutBody(SqsEvents.Workout("workout-1", "user-1"))),
            ("p1", SqsEvents.PoisonBody),
            ("w2", SqsEvents.WorkoutBody(SqsEvents.Workout("workout-2", "user-2"))))));
        var redelivered = await _api.WaitForResultAsync(_api.Enqueue(SqsEvents.Json(
            ("w1", SqsEvents.WorkoutBody(SqsEvents.Workout("workout-1", "user-1"))),
            ("w1-conflict", SqsEvents.WorkoutBody(SqsEvents.Workout("workout-1", "user-1", weight: 140m))))));
        var pastDeadline = await _api.WaitForResultAsync(_api.Enqueue(
            SqsEvents.Json(("late-1", SqsEvents.WorkoutBody(SqsEvents.Workout("workout-3"))), ("late-2", SqsEvents.PoisonBody)),
            deadline: DateTimeOffset.UtcNow.AddSeconds(-1)));

        Assert.Equal(RuntimePostKind.Response, stored.Kind);
        Assert.Empty(stored.FailedMessageIds);
        Assert.Empty(redelivered.FailedMessageIds);
        Assert.Equal(["late-1", "late-2"], pastDeadline.FailedMessageIds);
        await Poll.UntilAsync(() => LogLines.Outcomes(process.Output).Count == 3);
        var outcomes = LogLines.Outcomes(process.Output);
        Assert.Equal(
            [(2, 1, 0), (1, 1, 0), (0, 0, 2)],
            outcomes.Select(line => (line.Count("SucceededCount"), line.Count("DeadLetteredCount"), line.Count("NotStartedCount"))));
    }

    [Fact]
    public async Task FunctionThatThrows_PostsAnErrorDocument_AndTheProcessGoesOn()
    {
        var variables = Variables.Embedded("writes");
        variables["GYMCOACH_EMBEDDED_FAIL_MESSAGE_ID"] = "crash-me";
        Start(variables);

        var error = await _api.WaitForResultAsync(_api.Enqueue(SqsEvents.Json(("w1", SqsEvents.WorkoutBody(SqsEvents.Workout("workout-1"))), ("crash-me", "{}"))));
        var after = await _api.WaitForResultAsync(_api.Enqueue(SqsEvents.Json(("w2", SqsEvents.WorkoutBody(SqsEvents.Workout("workout-2"))))));

        Assert.Equal(RuntimePostKind.Error, error.Kind);
        Assert.Equal(RuntimeErrorTypes.Unhandled, error.FunctionErrorType);
        Assert.Equal("InjectedFaultException", error.Json.GetProperty("errorType").GetString());
        Assert.Equal("Injected fault: the event holds message crash-me.", error.Json.GetProperty("errorMessage").GetString());
        Assert.NotEqual(0, error.Json.GetProperty("stackTrace").GetArrayLength());
        Assert.Equal(RuntimePostKind.Response, after.Kind);
    }

    [Fact]
    public async Task EventThatIsNoSqsEvent_PostsAnUnmarshalError()
    {
        Start(Variables.Embedded("analytics"));

        var error = await _api.WaitForResultAsync(_api.Enqueue("{\"detail-type\":\"Scheduled Event\"}"));

        Assert.Equal(RuntimePostKind.Error, error.Kind);
        Assert.Equal(RuntimeErrorTypes.UnmarshalError, error.FunctionErrorType);
        Assert.Equal("JsonException", error.Json.GetProperty("errorType").GetString());
    }

    [Fact]
    public async Task UnknownHandler_PostsAnInitError_AndExitsNonZero()
    {
        var process = Start(Variables.Embedded("ingest"));

        var initError = await _api.WaitForInitErrorAsync();

        Assert.NotEqual(0, await process.WaitForExitAsync());
        Assert.Equal(RuntimeErrorTypes.NoSuchHandler, initError.FunctionErrorType);
        Assert.Contains("_HANDLER 'ingest' is not one of writes, analytics.", initError.Json.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, _api.NextRequests);
    }

    [Fact]
    public async Task MissingAwsConfiguration_PostsAnInitErrorListingEveryVariable_AndExitsNonZero()
    {
        var process = Start(new Dictionary<string, string> { ["_HANDLER"] = "analytics" });

        var initError = await _api.WaitForInitErrorAsync();

        Assert.NotEqual(0, await process.WaitForExitAsync());
        Assert.Equal(RuntimeErrorTypes.ConfigInvalid, initError.FunctionErrorType);
        var message = initError.Json.GetProperty("errorMessage").GetString()!;
        Assert.Contains("GYMCOACH_TABLE_NAME is required.", message, StringComparison.Ordinal);
        Assert.Contains("AWS_REGION is required.", message, StringComparison.Ordinal);
        Assert.Contains("GYMCOACH_ANALYTICS_DLQ_URL is required.", message, StringComparison.Ordinal);
    }

    private BootstrapProcess Start(IReadOnlyDictionary<string, string> variables)
    {
        _process = BootstrapProcess.Start(bootstrap.Path, _api.Address, variables);
        return _process;
    }
}
