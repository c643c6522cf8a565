using GymCoach.Cli.Tests.Support;

namespace GymCoach.Cli.Tests.Commands;

[Trait("Category", "Slow")]
public sealed class DemoCommandTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("gymcoach-demo-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public async Task Demo_WithInjectedFailures_EndsWithEveryUsersAnalyticsExact()
    {
        // A short function timeout (and so visibility timeout: 6s) brings the failed messages back quickly.
        var result = await CliProcess.RunAsync(null, "demo", "--users", "15", "--workouts", "400", "--failure-rate", "0.2", "--seed", "7", "--function-timeout", "5s", "--state", _state);

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.Contains("PASSED: analytics of all 15 users equal a direct computation", result.StandardOutput);
        Assert.Matches(@"injected failures\s+[1-9]", result.StandardOutput);
        Assert.Matches(@"dead-letter queues\s+1 \(expected 1\)", result.StandardOutput);
        Assert.Matches(@"rejected by the API\s+1 invalid requests \(expected 1\)", result.StandardOutput);
        Assert.Contains("processed", result.StandardError);

        // Every redelivery is a reported failure's retry: none came from an invocation outliving its messages' visibility.
        Assert.Matches(@"\(0 retried whole, 0 timed out\)", result.StandardOutput);
        Assert.Matches(@"timeouts\s+function 5 s, queue visibility 6 s", result.StandardOutput);
        Assert.Matches(@"partial-batch failures\s+([\d,]+) reported, \1 redeliveries", result.StandardOutput);

        // The store outlives the run: the read side sees what the demo computed.
        var analytics = await CliProcess.RunAsync(null, "analytics", "user-00001", "--state", _state);
        Assert.True(analytics.ExitCode == 0, analytics.StandardError);
        Assert.Contains("\"userId\": \"user-00001\"", analytics.StandardOutput);
    }

    [Theory]
    [InlineData("--users", "0")]
    [InlineData("--failure-rate", "1.5")]
    [InlineData("--backend", "mars")]
    [InlineData("--seed")]
    [InlineData("--function-timeout", "2s")]
    [InlineData("--function-timeout", "1.5s")]
    [InlineData("--visibility-timeout", "13h")]
    public async Task BadArguments_ExitWithCode2(params string[] args)
    {
        var result = await CliProcess.RunAsync(null, ["demo", .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage: gymcoach demo", result.StandardError);
    }

    [Fact]
    public async Task AVisibilityTimeoutShorterThanTheFunctionTimeout_IsRefusedNamingBoth()
    {
        var result = await CliProcess.RunAsync(null, "demo", "--function-timeout", "30s", "--visibility-timeout", "5s", "--state", _state);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--visibility-timeout 5s is less than --function-timeout 30s", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVisibilityTimeoutForTheAwsBackend_IsRefused_ItsDeployedQueuesHaveTheirOwn()
    {
        var result = await CliProcess.RunAsync(null, "demo", "--backend", "aws", "--visibility-timeout", "60s", "--state", _state);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--visibility-timeout is for the embedded and local backends", result.StandardError, StringComparison.Ordinal);
    }
}
