using GymCoach.Cli.Backends;
using GymCoach.Cli.Tests.Support;
using GymCoach.Contracts.Queueing;

namespace GymCoach.Cli.Tests.Commands;

/// <summary>The state folder as commands share it: one writer, readers beside it, and a demo that keeps to its own folder.</summary>
[Trait("Category", "Slow")]
public sealed class StateFolderCommandTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("gymcoach-folder-").FullName;

    [Fact]
    public async Task ASecondWriter_ExitsWithTwo_NamingTheHolder_WhileReadersStillRead()
    {
        await using var writer = await EmbeddedBackend.OpenAsync(_state, StateAccess.Write, "gymcoach run", CancellationToken.None);
        await writer.WritesQueue.SendBatchAsync([new OutgoingMessage { Body = "{\"queued\":1}" }], CancellationToken.None);

        var rebuild = await CliProcess.RunAsync(null, "rebuild", "--user", "user-1", "--state", _state);
        var queues = await CliProcess.RunAsync(null, "queues", "--state", _state);

        Assert.Equal(2, rebuild.ExitCode);
        Assert.Contains($"in use by pid {Environment.ProcessId}, gymcoach run", rebuild.StandardError, StringComparison.Ordinal);
        Assert.True(queues.ExitCode == 0, queues.StandardError);
        Assert.Matches(@"gymcoach-writes\s+1\s", queues.StandardOutput);
        Assert.Contains($"State folder {_state}: ", queues.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDemo_RefusesAFolderItDidNotCreate_UnlessToldFresh()
    {
        await (await EmbeddedBackend.OpenAsync(_state, StateAccess.Write, "gymcoach run", CancellationToken.None)).DisposeAsync();

        var refused = await CliProcess.RunAsync(null, "demo", "--users", "2", "--workouts", "10", "--state", _state);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--fresh", refused.StandardError, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_state, "gymcoach.db")));

        var fresh = await CliProcess.RunAsync(null, "demo", "--users", "2", "--workouts", "10", "--state", _state, "--fresh");
        Assert.True(fresh.ExitCode == 0, fresh.StandardError);

        // Its own folder now: the next demo empties it without being told.
        var again = await CliProcess.RunAsync(null, "demo", "--users", "2", "--workouts", "10", "--state", _state);
        Assert.True(again.ExitCode == 0, again.StandardError);
    }

    public void Dispose() => Directory.Delete(_state, recursive: true);
}
