using GymCoach.Cli.Tests.Support;

namespace GymCoach.Cli.Tests.Commands;

public sealed class DemoCommandTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("gymcoach-demo-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public async Task Demo_WithInjectedFailures_EndsWithEveryUsersAnalyticsExact()
    {
        var result = await CliProcess.RunAsync(null, "demo", "--users", "15", "--workouts", "400", "--failure-rate", "0.2", "--seed", "7", "--state", _state);

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.Contains("PASSED: analytics of all 15 users equal a direct computation", result.StandardOutput);
        Assert.Matches(@"injected failures\s+[1-9]", result.StandardOutput);
        Assert.Matches(@"dead-letter queues\s+1 \(expected 1\)", result.StandardOutput);
        Assert.Matches(@"rejected by the API\s+1 invalid requests \(expected 1\)", result.StandardOutput);
        Assert.Contains("processed", result.StandardError);

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
    public async Task BadArguments_ExitWithCode2(params string[] args)
    {
        var result = await CliProcess.RunAsync(null, ["demo", .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage: gymcoach demo", result.StandardError);
    }
}
