using System.Text;
using GymCoach.Lambda.Runtime;
using GymCoach.Lambda.Tests.Support;

namespace GymCoach.Lambda.Tests.Bootstrap;

/// <summary>
/// The ingest API's published Native AOT bootstrap, started as Lambda starts it, answering function URL events; each
/// answer is compared with Kestrel's to the same HTTP request (status, content type, authentication challenge,
/// correlation id, and the body with fresh event ids blanked).
/// </summary>
[Collection(PublishedApiBootstrapCollection.Name)]
[Trait("Category", "Slow")]
public sealed class PublishedApiBootstrapTests(PublishedApiBootstrap bootstrap) : IAsyncLifetime
{
    private readonly FakeRuntimeApi _api = FakeRuntimeApi.Start();
    private KestrelApi? _kestrel;
    private BootstrapProcess? _process;

    public async Task InitializeAsync()
    {
        _kestrel = await KestrelApi.StartAsync();
        _process = BootstrapProcess.Start(bootstrap.Path, _api.Address, Embedded());
    }

    public async Task DisposeAsync()
    {
        _process?.Dispose();
        await _api.DisposeAsync();
        if (_kestrel is not null)
        {
            await _kestrel.DisposeAsync();
        }
    }

    /// <summary>The function's configuration in these tests: in-process queues and store, the parity keys by hash.</summary>
    internal static Dictionary<string, string> Embedded() => new(StringComparer.Ordinal)
    {
        ["GYMCOACH_BACKEND"] = "embedded",
        ["GYMCOACH_API_KEYS"] = ApiKeys.VariableJson(),
        ["AWS_LAMBDA_FUNCTION_NAME"] = "gymcoach-api-test",
    };

    [Fact]
    public async Task WithoutTheRuntimeApi_ExitsWith2_NamingTheVariable()
    {
        using var process = BootstrapProcess.Start(bootstrap.Path, runtimeApi: string.Empty, Embedded());

        Assert.Equal(RuntimeExitCodes.NotInLambda, await process.WaitForExitAsync());
        await Poll.UntilAsync(() => process.Errors.Contains("AWS_LAMBDA_RUNTIME_API is not set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GoodWorkout_And_GoodBatch_Are202_WithTheSameDocumentAsKestrel()
    {
        var single = await AssertSameAnswerAsync(FunctionUrlEvent.Post("/v1/workouts", ApiBodies.Workout(), ApiKeys.Writer, "good-single"));
        var batch = await AssertSameAnswerAsync(FunctionUrlEvent.Post(
            "/v1/workouts:batch", ApiBodies.Batch(ApiBodies.Workout("w-2"), ApiBodies.Workout("w-3")), ApiKeys.Writer, "good-batch"));

        Assert.Equal(202, single.Status);
        Assert.Equal("""{"eventId":"<fresh id>"}""", single.Body);
        Assert.Equal(202, batch.Status);
        Assert.Equal("""{"eventIds":["<fresh id>","<fresh id>"]}""", batch.Body);
    }

    [Fact]
    public async Task Base64Body_IsDecodedBeforeTheApiReadsIt()
    {
        var answer = await AssertSameAnswerAsync(FunctionUrlEvent.Post("/v1/workouts", ApiBodies.Workout("w-64"), ApiKeys.Writer, "base64", base64: true));

        Assert.Equal(202, answer.Status);
    }

    [Fact]
    public async Task BadBodies_Are400Problems_NamingTheSameFields()
    {
        var invalid = await AssertSameAnswerAsync(FunctionUrlEvent.Post(
            "/v1/workouts:batch", ApiBodies.Batch(ApiBodies.Workout("w-4"), ApiBodies.Workout("w-5", reps: -1)), ApiKeys.Writer, "bad-fields"));
        var malformed = await AssertSameAnswerAsync(FunctionUrlEvent.Post("/v1/workouts", "{\"workoutId\":\n  \"w-6\",,}", ApiKeys.Writer, "bad-json"));

        Assert.Equal(400, invalid.Status);
        Assert.Equal("application/problem+json", invalid.ContentType);
        Assert.Contains("workouts[1].exercises[0].sets[0].reps", invalid.Body, StringComparison.Ordinal);
        Assert.Equal(400, malformed.Status);
        Assert.Contains("\"line\":2", malformed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongKey_Is401_AndAMissingOperationIs403()
    {
        var wrong = await AssertSameAnswerAsync(FunctionUrlEvent.Post("/v1/workouts", ApiBodies.Workout(), "gck_not_a_known_key", "wrong-key"));
        var missing = await AssertSameAnswerAsync(FunctionUrlEvent.Post("/v1/workouts", ApiBodies.Workout(), apiKey: null, "no-key"));
        var forbidden = await AssertSameAnswerAsync(FunctionUrlEvent.Post("/v1/workouts", ApiBodies.Workout(), ApiKeys.Reader, "reader-writes"));

        Assert.Equal(401, wrong.Status);
        Assert.NotNull(wrong.WwwAuthenticate);
        Assert.Equal(401, missing.Status);
        Assert.Equal(403, forbidden.Status);
    }

    [Fact]
    public async Task OversizeBody_Is413_AndAnotherMediaTypeIs415()
    {
        var padding = new string(' ', 300 * 1024);
        var oversize = await AssertSameAnswerAsync(FunctionUrlEvent.Post("/v1/workouts", ApiBodies.Workout() + padding, ApiKeys.Writer, "oversize"));
        var text = FunctionUrlEvent.Post("/v1/workouts", ApiBodies.Workout(), ApiKeys.Writer, "plain-text");
        var plain = await AssertSameAnswerAsync(text with { Headers = FunctionUrlEvent.ApiHeaders(ApiKeys.Writer, "plain-text", ("content-type", "text/plain")) });

        Assert.Equal(413, oversize.Status);
        Assert.Equal(415, plain.Status);
    }

    [Fact]
    public async Task PathsQueryStringsAndCookies_RouteAndBindAsOnKestrel()
    {
        var encoded = await AssertSameAnswerAsync(FunctionUrlEvent.Get("/v1/users/alice%20smith/analytics?fields=all&fields=more", ApiKeys.Reader, "encoded-path"));
        var bidi = await AssertSameAnswerAsync(FunctionUrlEvent.Get("/v1/users/ab%E2%80%AEc/analytics", ApiKeys.Reader, "bidi-path"));
        var withCookies = FunctionUrlEvent.Get("/health?probe=1", apiKey: null, "cookies") with { Cookies = ["session=abc", "theme=dark"] };
        var health = await AssertSameAnswerAsync(withCookies);
        var unknown = await AssertSameAnswerAsync(FunctionUrlEvent.Get("/v2/nothing-here", ApiKeys.Reader, "unknown-path"));

        Assert.Equal(404, encoded.Status);
        Assert.Equal(400, bidi.Status);
        Assert.Contains("U+202E", bidi.Body, StringComparison.Ordinal);
        Assert.Equal(200, health.Status);
        Assert.Equal(404, unknown.Status);
    }

    [Fact]
    public async Task EventThatIsNoFunctionUrlEvent_PostsAnUnmarshalError_AndTheNextRequestIsAnswered()
    {
        var error = await _api.WaitForResultAsync(_api.Enqueue("""{"Records":[{"messageId":"m1","body":"{}"}]}"""));
        var after = await AssertSameAnswerAsync(FunctionUrlEvent.Get("/health", apiKey: null, "after-error"));

        Assert.Equal(RuntimePostKind.Error, error.Kind);
        Assert.Equal(RuntimeErrorTypes.UnmarshalError, error.FunctionErrorType);
        Assert.Equal(200, after.Status);
    }

    [Fact]
    public async Task Logs_NeverCarryTheKeyOrTheBody_AndEachInvocationFlushesItsMetrics()
    {
        await AssertSameAnswerAsync(FunctionUrlEvent.Post("/v1/workouts", ApiBodies.Workout("w-secret", "user-secret-body"), ApiKeys.Writer, "logs"));
        await AssertSameAnswerAsync(FunctionUrlEvent.Post("/v1/workouts", ApiBodies.Workout(), "gck_wrong_key_in_logs", "logs-wrong"));

        await Poll.UntilAsync(() => _process!.Output.Contains("\"ApiRequests\"", StringComparison.Ordinal));
        var output = _process!.Output;
        Assert.DoesNotContain(ApiKeys.Writer, output, StringComparison.Ordinal);
        Assert.DoesNotContain("gck_wrong_key_in_logs", output, StringComparison.Ordinal);
        Assert.DoesNotContain("user-secret-body", output, StringComparison.Ordinal);
        Assert.Contains("gymcoach-api-test", output, StringComparison.Ordinal);
    }

    private async Task<HttpAnswer> AssertSameAnswerAsync(FunctionUrlEvent request)
    {
        var post = await _api.WaitForResultAsync(_api.Enqueue(Encoding.UTF8.GetBytes(request.Json())), TimeSpan.FromSeconds(60));
        Assert.True(post.Kind == RuntimePostKind.Response, $"{post.Kind}: {post.Body}\n{_process!.Output}\n{_process.Errors}");
        var function = HttpAnswer.FromFunction(post.Json);
        var kestrel = await _kestrel!.SendAsync(request);

        Assert.Equal(kestrel, function);
        return function;
    }
}
