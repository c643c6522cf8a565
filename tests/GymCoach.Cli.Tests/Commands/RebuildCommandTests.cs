using GymCoach.Cli.Tests.Support;

namespace GymCoach.Cli.Tests.Commands;

[Trait("Category", "Slow")]
public sealed class RebuildCommandTests
{
    [Fact]
    public async Task OnTheEmbeddedBackend_RebuildRequestsWaitInTheAnalyticsQueueForTheNextRun()
    {
        var state = Directory.CreateTempSubdirectory("gymcoach-rebuild-").FullName;
        try
        {
            var rebuild = await CliProcess.RunAsync(null, "rebuild", "--user", "ana, ben,ana", "--state", state);
            Assert.True(rebuild.ExitCode == 0, rebuild.StandardError);
            Assert.Contains("Queued 2 rebuild request(s) on gymcoach-analytics", rebuild.StandardOutput, StringComparison.Ordinal);

            var queues = await CliProcess.RunAsync(null, "queues", "--state", state, "--json");
            using var report = System.Text.Json.JsonDocument.Parse(queues.StandardOutput);
            var analytics = report.RootElement.GetProperty("queues").EnumerateArray().Single(q => q.GetProperty("queue").GetString() == "analytics");
            Assert.Equal(2, analytics.GetProperty("visible").GetInt64());
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    [Theory]
    [InlineData("rebuild")]
    [InlineData("rebuild", "--user", " , ")]
    [InlineData("rebuild", "--user", "ok,{long}")]
    public async Task BadArguments_ExitWithTwoAndTheUsage(params string[] args)
    {
        var result = await CliProcess.RunAsync(null, [.. args.Select(a => a.Replace("{long}", new string('u', 129), StringComparison.Ordinal))]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage: gymcoach rebuild", result.StandardError, StringComparison.Ordinal);
    }
}
