using GymCoach.Cli.Tests.Support;

namespace GymCoach.Cli.Tests.Commands;

/// <summary>The commands as a user runs them where they cannot work: clear refusals and argument errors.</summary>
public sealed class QueuesAndDlqCommandTests
{
    [Theory]
    [InlineData("queues")]
    [InlineData("dlq", "list")]
    [InlineData("dlq", "redrive", "--queue", "writes")]
    public async Task OnTheEmbeddedBackend_TheCommandsSayWhyTheyCannotSeeTheQueues(params string[] args)
    {
        var result = await CliProcess.RunAsync(null, args);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the embedded backend's queues live only inside the process that runs the pipeline", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("--state snapshot holds the store, not the queues", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StandardOutput);
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
