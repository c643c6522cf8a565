using System.Text;
using GymCoach.Contracts.Lambda;
using GymCoach.Lambda.Runtime;
using GymCoach.Lambda.Tests.Support;

namespace GymCoach.Lambda.Tests.Runtime;

[Collection(InProcessRuntimeCollection.Name)]
public sealed class LambdaRuntimeTests
{
    [Fact]
    public async Task GoodEvent_PostsTheFunctionsPartialBatchResponse()
    {
        var function = new RecordingFunction();
        await using var runtime = new RuntimeHarness(function);

        var requestId = runtime.Api.Enqueue(SqsEvents.Json(("m1", "ok"), ("m2", "fail"), ("m3", "ok")));
        var post = await runtime.Api.WaitForResultAsync(requestId);

        Assert.Equal(RuntimePostKind.Response, post.Kind);
        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"m2"}]}""", post.Body);
        var call = Assert.Single(function.Calls);
        Assert.Equal(["m1", "m2", "m3"], call.Event.Records.Select(record => record.MessageId));
        Assert.Equal(requestId, call.Context.RequestId);
    }

    [Fact]
    public async Task InvocationsAreAnsweredOneAfterAnother_EachWithItsOwnResponse()
    {
        await using var runtime = new RuntimeHarness(new RecordingFunction());

        var first = runtime.Api.Enqueue(SqsEvents.Json(("a1", "fail")));
        var second = runtime.Api.Enqueue(SqsEvents.Json(("b1", "ok"), ("b2", "fail")));

        Assert.Equal(["a1"], (await runtime.Api.WaitForResultAsync(first)).FailedMessageIds);
        Assert.Equal(["b2"], (await runtime.Api.WaitForResultAsync(second)).FailedMessageIds);
    }

    [Fact]
    public async Task FunctionThatThrows_PostsAnErrorDocument_AndTheLoopGoesOn()
    {
        var function = new RecordingFunction((sqsEvent, _, _) => sqsEvent.Records[0].Body == "crash"
            ? throw new InvalidOperationException("the handler broke")
            : RecordingFunction.FailMessagesSayingFail(sqsEvent));
        await using var runtime = new RuntimeHarness(function);

        var crashed = runtime.Api.Enqueue(SqsEvents.Json(("m1", "crash")));
        var error = await runtime.Api.WaitForResultAsync(crashed);
        var next = runtime.Api.Enqueue(SqsEvents.Json(("m2", "ok")));

        Assert.Equal(RuntimePostKind.Error, error.Kind);
        Assert.Equal(RuntimeErrorTypes.Unhandled, error.FunctionErrorType);
        Assert.Equal("InvalidOperationException", error.Json.GetProperty("errorType").GetString());
        Assert.Equal("the handler broke", error.Json.GetProperty("errorMessage").GetString());
        Assert.Contains(error.Json.GetProperty("stackTrace").EnumerateArray(), frame => frame.GetString()!.Contains("LambdaRuntimeTests", StringComparison.Ordinal));
        Assert.Equal(RuntimePostKind.Response, (await runtime.Api.WaitForResultAsync(next)).Kind);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"Records\":null}")]
    [InlineData("{\"Records\":[{\"messageId\":\"m1\"}]}")]
    [InlineData("")]
    public async Task EventThatIsNoSqsEvent_PostsAnUnmarshalError_WithoutCallingTheFunction(string payload)
    {
        var function = new RecordingFunction();
        await using var runtime = new RuntimeHarness(function);

        var requestId = runtime.Api.Enqueue(payload);
        var error = await runtime.Api.WaitForResultAsync(requestId);

        Assert.Equal(RuntimePostKind.Error, error.Kind);
        Assert.Equal(RuntimeErrorTypes.UnmarshalError, error.FunctionErrorType);
        Assert.Equal("JsonException", error.Json.GetProperty("errorType").GetString());
        Assert.False(string.IsNullOrEmpty(error.Json.GetProperty("errorMessage").GetString()));
        Assert.Empty(function.Calls);
    }

    [Fact]
    public async Task EventWithAByteOrderMark_IsAccepted()
    {
        await using var runtime = new RuntimeHarness(new RecordingFunction());

        byte[] payload = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(SqsEvents.Json(("m1", "fail")))];
        var post = await runtime.Api.WaitForResultAsync(runtime.Api.Enqueue(payload));

        Assert.Equal(["m1"], post.FailedMessageIds);
    }

    [Theory]
    [InlineData(false, 10)]
    [InlineData(false, 2000)]
    [InlineData(true, 2000)]
    public async Task EventsOfAnySize_WithOrWithoutContentLength_ArriveWhole(bool chunked, int messages)
    {
        var function = new RecordingFunction();
        await using var runtime = new RuntimeHarness(function);
        runtime.Api.ChunkedEvents = chunked;

        var small = runtime.Api.Enqueue(SqsEvents.Json(3));
        var large = runtime.Api.Enqueue(SqsEvents.Json(messages));
        var again = runtime.Api.Enqueue(SqsEvents.Json(2));

        Assert.Equal(RuntimePostKind.Response, (await runtime.Api.WaitForResultAsync(small)).Kind);
        Assert.Equal(RuntimePostKind.Response, (await runtime.Api.WaitForResultAsync(large)).Kind);
        Assert.Equal(RuntimePostKind.Response, (await runtime.Api.WaitForResultAsync(again)).Kind);
        Assert.Equal([3, messages, 2], function.Calls.Select(call => call.Event.Records.Count));
        Assert.Equal("m" + (messages - 1), function.Calls[1].Event.Records[^1].MessageId);
    }

    [Fact]
    public async Task InvocationHeaders_BecomeTheContext()
    {
        var function = new RecordingFunction();
        await using var runtime = new RuntimeHarness(function);
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddSeconds(42).ToUnixTimeMilliseconds());
        const string arn = "arn:aws:lambda:eu-west-1:123456789012:function:gymcoach-writes:live";

        var requestId = runtime.Api.Enqueue(SqsEvents.Json(1), deadline, functionArn: arn);
        await runtime.Api.WaitForResultAsync(requestId);

        var context = Assert.Single(function.Calls).Context;
        Assert.Equal(requestId, context.RequestId);
        Assert.Equal(deadline, context.Deadline);
        Assert.Equal(arn, context.FunctionArn);
    }

    [Fact]
    public async Task TraceId_IsInTheContextAndTheEnvironment_ForItsInvocationOnly()
    {
        var function = new RecordingFunction();
        await using var runtime = new RuntimeHarness(function);
        const string trace = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

        await runtime.Api.WaitForResultAsync(runtime.Api.Enqueue(SqsEvents.Json(1), traceId: trace));
        await runtime.Api.WaitForResultAsync(runtime.Api.Enqueue(SqsEvents.Json(1)));

        Assert.Equal(trace, function.Calls[0].Context.TraceId);
        Assert.Equal(trace, function.Calls[0].TraceEnvironmentVariable);
        Assert.Null(function.Calls[1].Context.TraceId);
        Assert.Null(function.Calls[1].TraceEnvironmentVariable);
    }

    [Fact]
    public async Task FunctionsToken_IsCancelledAtTheDeadline()
    {
        var function = new RecordingFunction(async (_, _, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return new SqsBatchResponse { BatchItemFailures = [] };
        });
        await using var runtime = new RuntimeHarness(function);
        var started = DateTimeOffset.UtcNow;

        var error = await runtime.Api.WaitForResultAsync(runtime.Api.Enqueue(SqsEvents.Json(1), started.AddMilliseconds(300)));

        Assert.Equal(RuntimeErrorTypes.Unhandled, error.FunctionErrorType);
        Assert.Equal("TaskCanceledException", error.Json.GetProperty("errorType").GetString());
        Assert.InRange(DateTimeOffset.UtcNow - started, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task FunctionsToken_IsCancelledOnceTheInvocationIsAnswered_SoNoWorkLeaksIntoTheNext()
    {
        var function = new RecordingFunction();
        await using var runtime = new RuntimeHarness(function);

        await runtime.Api.WaitForResultAsync(runtime.Api.Enqueue(SqsEvents.Json(1)));

        Assert.True(Assert.Single(function.Calls).Token.IsCancellationRequested);
    }

    [Fact]
    public async Task Stopping_EndsTheLoopWhileItWaitsForTheNextInvocation()
    {
        await using var runtime = new RuntimeHarness(new RecordingFunction());
        await Poll.UntilAsync(() => runtime.Api.NextRequests == 1);

        await runtime.StopAsync();

        await runtime.Loop.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(runtime.Loop.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task RuntimeApiFailure_EndsTheLoopWithRuntimeApiException()
    {
        var function = new RecordingFunction();
        await using var runtime = new RuntimeHarness(function);
        runtime.Api.NextFailure = System.Net.HttpStatusCode.InternalServerError;
        runtime.Api.Enqueue(SqsEvents.Json(1));

        // The loop may already wait on a next request made before the failure was set: one event releases it.
        var exception = await Assert.ThrowsAsync<RuntimeApiException>(() => runtime.Loop.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, exception.StatusCode);
    }
}
