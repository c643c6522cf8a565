using GymCoach.Cli.Tests.Support;
using GymCoach.Contracts.Lambda;

namespace GymCoach.Cli.Tests.Commands;

[Trait("Category", "Slow")]
public sealed class InvokeCommandTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("gymcoach-invoke-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public async Task WritesThenAnalytics_StoresTheWorkoutAndPrintsItsAnalytics()
    {
        var writesEvent = Events.SqsEventJson(
            Events.WritesQueueArn,
            ("m-1", Events.WorkoutBody(Events.Workout("w-1", "alice", weight: 100m, reps: 5))),
            ("m-2", Events.WorkoutBody(Events.Workout("w-2", "alice", weight: 60m, reps: 10))));
        var eventFile = Path.Combine(_state, "writes.json");
        await File.WriteAllTextAsync(eventFile, writesEvent);

        var writes = await CliProcess.RunAsync(null, "invoke", "--function", "writes", "--event", eventFile, "--state", _state);

        Assert.True(writes.ExitCode == 0, writes.StandardError);
        Assert.Empty(LambdaJson.ParseResponse(System.Text.Encoding.UTF8.GetBytes(writes.StandardOutput)).BatchItemFailures);
        Assert.Contains("2 succeeded", writes.StandardError);
        Assert.Contains("1 analytics recompute requests sent", writes.StandardError);

        var analyticsEvent = Events.SqsEventJson("arn:aws:sqs:us-east-1:000000000000:gymcoach-analytics", ("r-1", Events.RecomputeBody("alice", "w-1", "w-2")));
        var analytics = await CliProcess.RunAsync(analyticsEvent, "invoke", "--function", "analytics", "--event", "-", "--state", _state);
        Assert.True(analytics.ExitCode == 0, analytics.StandardError);

        var shown = await CliProcess.RunAsync(null, "analytics", "alice", "--state", _state);
        Assert.True(shown.ExitCode == 0, shown.StandardError);
        Assert.Contains("\"totalWorkouts\": 2", shown.StandardOutput);
        Assert.Contains("\"totalVolumeKg\": 1100.00", shown.StandardOutput);
    }

    [Fact]
    public async Task PoisonMessage_IsDeadLetteredNotRetried()
    {
        var sqsEvent = Events.SqsEventJson(
            Events.WritesQueueArn,
            ("good", Events.WorkoutBody(Events.Workout("w-1", "bob"))),
            ("bad", """{"specversion":"1.0","id":"x","source":"t","type":"gymcoach.workout.logged.v9","data":{}}"""));

        var result = await CliProcess.RunAsync(sqsEvent, "invoke", "--function", "writes", "--state", _state);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal("{\"batchItemFailures\":[]}", result.StandardOutput.Trim());
        Assert.Contains("1 succeeded, 0 to retry, 1 dead-lettered", result.StandardError);
    }

    [Fact]
    public async Task MalformedEvent_FailsWithOneLineAndNoStackTrace()
    {
        var result = await CliProcess.RunAsync("{\"Records\": [", "invoke", "--function", "analytics", "--state", _state);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("gymcoach invoke: the event is not a valid Lambda SQS event", result.StandardError);
        Assert.DoesNotContain("   at ", result.StandardError);
        Assert.Equal(string.Empty, result.StandardOutput);
    }

    [Theory]
    [InlineData("--function", "reports")]
    [InlineData("--event", "missing.json", "--function", "writes")]
    [InlineData("--function", "writes", "--colour", "blue")]
    [InlineData("--function", "writes", "--function-timeout", "3s")]
    [InlineData("--function", "writes", "--visibility-timeout", "60s")]
    public async Task BadArguments_ExitWithCode2AndUsage(params string[] args)
    {
        var result = await CliProcess.RunAsync(null, ["invoke", .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage: gymcoach invoke --function writes|analytics", result.StandardError);
    }

    [Fact]
    public async Task UnknownUser_AnalyticsExitsWithCode1()
    {
        var result = await CliProcess.RunAsync(null, "analytics", "nobody", "--state", _state);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no analytics for user 'nobody'", result.StandardError);
    }
}
