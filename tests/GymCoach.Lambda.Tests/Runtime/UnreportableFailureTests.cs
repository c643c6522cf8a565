using GymCoach.Lambda.Runtime;
using GymCoach.Lambda.Tests.Support;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Functions;
using GymCoach.Workers.Logging;

namespace GymCoach.Lambda.Tests.Runtime;

/// <summary>A failed message without an id fails the invocation: Lambda retries the whole batch instead of deleting it.</summary>
[Collection(InProcessRuntimeCollection.Name)]
public sealed class UnreportableFailureTests
{
    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task AFailedMessageWithoutId_FailsTheInvocation_WithALogLineSayingWhy(string blankId)
    {
        using var log = new StringWriter();
        using var logger = GymCoachLogging.CreateForLambda(output: log);
        var function = new WorkerFunction(new BatchProcessor(new BatchProcessorOptions()), new BlankIdFailingHandler());
        await using var runtime = new RuntimeHarness(function, logger);

        var error = await runtime.Api.WaitForResultAsync(runtime.Api.Enqueue(SqsEvents.Json(("m1", "{}"), (blankId, "{}"), ("m3", "{}"))));
        var next = await runtime.Api.WaitForResultAsync(runtime.Api.Enqueue(SqsEvents.Json(("m4", "{}"))));

        Assert.Equal(RuntimePostKind.Error, error.Kind);
        Assert.Equal(RuntimeErrorTypes.Unhandled, error.FunctionErrorType);
        Assert.Equal(nameof(UnreportableFailureException), error.Json.GetProperty("errorType").GetString());
        Assert.Equal(RuntimePostKind.Response, next.Kind);
        var line = Assert.Single(LogLines.Parse(log.ToString()), l => l.TryGetProperty("@x", out _));
        Assert.Equal("Error", line.GetProperty("@l").GetString());
        Assert.Equal(3, line.Count("MessageCount"));
        Assert.Contains("1 of 3 records failed with no message id", line.GetProperty("@x").GetString(), StringComparison.Ordinal);
    }
}
