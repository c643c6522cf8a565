using GymCoach.Cli.Tests.Support;

namespace GymCoach.Cli.Tests.Commands;

/// <summary>The commands as a user runs them where they cannot work: clear refusals and argument errors.</summary>
[Trait("Category", "Slow")]
public sealed class QueuesAndDlqCommandTests
{
    [Fact]
    public async Task OnTheEmbeddedBackend_TheDemosDeadLettersCanBeListedAndRedriven()
    {
        var state = Directory.CreateTempSubdirectory("gymcoach-dlq-").FullName;
        try
        {
            var demo = await CliProcess.RunAsync(null, "demo", "--users", "5", "--workouts", "100", "--state", state);
            Assert.True(demo.ExitCode == 0, demo.StandardError);

            var listed = await CliProcess.RunAsync(null, "dlq", "list", "--state", state);
            Assert.True(listed.ExitCode == 0, listed.StandardError);
            Assert.Contains("conflict: workout", listed.StandardOutput, StringComparison.Ordinal);

            var redriven = await CliProcess.RunAsync(null, "dlq", "redrive", "--queue", "writes", "--state", state, "--json");
            Assert.True(redriven.ExitCode == 0, redriven.StandardError);
            Assert.Contains("\"moved\": 1", redriven.StandardOutput, StringComparison.Ordinal);

            // Saved: the message waits in the writes queue for the next run, and the dead-letter queue is empty.
            var queues = await CliProcess.RunAsync(null, "queues", "--state", state, "--json");
            Assert.True(queues.ExitCode == 0, queues.StandardError);
            using var report = System.Text.Json.JsonDocument.Parse(queues.StandardOutput);
            var writes = report.RootElement.GetProperty("queues").EnumerateArray().Single(q => q.GetProperty("queue").GetString() == "writes");
            Assert.Equal(1, writes.GetProperty("visible").GetInt64());
            Assert.Equal(0, writes.GetProperty("deadLetterQueue").GetProperty("visible").GetInt64());
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    [Fact]
    public async Task OnTheLocalBackendWithoutAnEndpoint_TheCommandAsksForOne()
    {
        var result = await CliProcess.RunAsync(null, "queues", "--backend", "local");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--sqs-endpoint URL", result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dlq")]
    [InlineData("dlq", "purge")]
    [InlineData("dlq", "show")]
    [InlineData("dlq", "list", "--queue", "profiles")]
    [InlineData("dlq", "list", "--max", "0")]
    [InlineData("queues", "--backend", "local", "--sqs-endpoint", "not a url")]
    [InlineData("queues", "--colour")]
    public async Task BadArguments_ExitWithTwoAndTheUsage(params string[] args)
    {
        var result = await CliProcess.RunAsync(null, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage: gymcoach " + args[0], result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommandList_NamesQueuesAndDlq()
    {
        var result = await CliProcess.RunAsync(null, "help");

        Assert.Matches(@"(?m)^  queues\s+Show each queue", result.StandardOutput);
        Assert.Matches(@"(?m)^  dlq\s+List, show or redrive", result.StandardOutput);
    }
}
