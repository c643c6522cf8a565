using GymCoach.Cli.Tests.Support;

namespace GymCoach.Cli.Tests.Commands;

/// <summary>Whatever a failing command echoes back (an id it was given or found) reaches the terminal escaped.</summary>
[Trait("Category", "Slow")]
public sealed class CliOutputEscapeTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("gymcoach-escape-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public async Task AnUnknownUserWithATerminalEscape_IsNamedEscaped()
    {
        var result = await CliProcess.RunAsync(null, "analytics", "u\u001B[2J\u202Ex", "--state", _state);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no analytics for user 'u\\u001B[2J\\u202Ex'", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001B', result.StandardError);
        Assert.DoesNotContain('\u202E', result.StandardError);
    }
}
