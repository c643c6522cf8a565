using GymCoach.Ingest.Api;

namespace GymCoach.Cli.Commands;

/// <summary>
/// An API key given to a command, and where it came from: the argument (<c>--api-key</c> for <c>run</c>, <c>--key</c> for
/// <c>produce</c>), a file named by the same argument with <c>-file</c>, or <c>GYMCOACH_API_KEY</c>.
/// </summary>
/// <param name="Source">How the key was given, as the user would name it in an error message.</param>
/// <param name="IsInProcessList">True when the key was typed on the command line, where <c>ps</c> shows it to every user of the machine.</param>
internal sealed record CommandLineApiKey(string Key, string Source, bool IsInProcessList)
{
    public const string EnvironmentVariable = "GYMCOACH_API_KEY";

    // A key file holds one line; anything much larger is not a key file.
    private const long MaxFileBytes = 4096;

    /// <summary>Reads the key from <c>--NAME</c>, <c>--NAME-file</c>, or else the environment; null when none is given.</summary>
    /// <param name="name">The argument's name without dashes: <c>api-key</c> or <c>key</c>.</param>
    /// <exception cref="UsageException">Both arguments are given, the file cannot be read, or the key is shorter than 16 characters, too long or has spaces.</exception>
    public static async Task<CommandLineApiKey?> ReadAsync(ArgumentReader reader, string name, CancellationToken cancellationToken)
    {
        var argumentName = "--" + name;
        var fileArgumentName = argumentName + "-file";
        var argument = reader.String(name);
        var path = reader.String(name + "-file");
        if (argument is not null && path is not null)
        {
            throw new UsageException($"give either {argumentName} or {fileArgumentName}, not both");
        }

        if (argument is not null)
        {
            return Checked(argument, argumentName, argumentName + " must be", isInProcessList: true);
        }

        if (path is not null)
        {
            var key = await ReadFileAsync(path, fileArgumentName, cancellationToken);
            return Checked(key, fileArgumentName, fileArgumentName + " must hold a key of", isInProcessList: false);
        }

        return Environment.GetEnvironmentVariable(EnvironmentVariable) is { } fromEnvironment
            ? Checked(fromEnvironment, EnvironmentVariable, EnvironmentVariable + " must be", isInProcessList: false)
            : null;
    }

    /// <summary>The warning a command prints when the key is visible in the process list.</summary>
    public string ProcessListWarning(string command) =>
        $"gymcoach {command}: warning: {Source} is visible to other users in the process list (ps); give the key with {Source}-file FILE or {EnvironmentVariable} instead";

    private static async Task<string> ReadFileAsync(string path, string fileArgumentName, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"{fileArgumentName}: no such file '{path}'");
        }

        if (new FileInfo(path).Length > MaxFileBytes)
        {
            throw new UsageException($"{fileArgumentName}: '{path}' is larger than {MaxFileBytes} bytes; it should hold the key alone");
        }

        try
        {
            // Editors and `echo` end the file with a newline, which is not part of the key.
            return (await File.ReadAllTextAsync(path, cancellationToken)).TrimEnd('\r', '\n');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{fileArgumentName}: cannot read '{path}': {ex.Message}");
        }
    }

    /// <remarks>Under 16 characters a key can be guessed, even at the rate the failed-authentication limit allows, in too little time.</remarks>
    private static CommandLineApiKey Checked(string key, string source, string mustBe, bool isInProcessList)
    {
        if (key.Length is < ApiKeyHash.MinKeyLength or > ApiKeyHash.MaxKeyLength || key.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new UsageException($"{mustBe} {ApiKeyHash.MinKeyLength} to {ApiKeyHash.MaxKeyLength} characters without spaces, was {key.Length}");
        }

        return new CommandLineApiKey(key, source, isInProcessList);
    }
}
