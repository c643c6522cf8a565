namespace GymCoach.Cli.Tests.Support;

internal sealed record CliResult(int ExitCode, string StandardOutput, string StandardError);
