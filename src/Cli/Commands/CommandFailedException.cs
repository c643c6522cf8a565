namespace GymCoach.Cli.Commands;

/// <summary>A command that ran and failed for a reason the user should read: printed as one line, exit code 1.</summary>
internal sealed class CommandFailedException(string message) : Exception(message);
