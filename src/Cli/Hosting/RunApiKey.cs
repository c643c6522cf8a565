using GymCoach.Cli.Commands;
using GymCoach.Ingest.Api;

namespace GymCoach.Cli.Hosting;

/// <summary>The one key <c>gymcoach run</c> accepts, and where it came from: <c>--api-key</c>, <c>--api-key-file</c> or <c>GYMCOACH_API_KEY</c>.</summary>
/// <param name="Source">How the key was given, as the user would name it in an error message.</param>
internal sealed record RunApiKey(string Key, string Source)
{
    public const string EnvironmentVariable = "GYMCOACH_API_KEY";

    // A key file holds one line; anything much larger is not a key file.
    private const long MaxFileBytes = 4096;

    /// <summary>True when the key was typed on the command line, where <c>ps</c> shows it to every user of the machine.</summary>
    public bool IsInProcessList => Source == "--api-key";

    /// <summary>Reads the key from the argument, the file, or else the environment; null when none is given (a key is generated).</summary>
    /// <exception cref="UsageException">Both arguments are given, the file cannot be read, or the key is shorter than 16 characters, too long or has spaces.</exception>
    public static async Task<RunApiKey?> ReadAsync(ArgumentReader reader, CancellationToken cancellationToken)
    {
        var argument = reader.String("api-key");
        var path = reader.String("api-key-file");
        if (argument is not null && path is not null)
        {
            throw new UsageException("give either --api-key or --api-key-file, not both");
        }

        if (argument is not null)
        {
            return Checked(argument, "--api-key", "--api-key must be");
        }

        if (path is not null)
        {
            var key = await ReadFileAsync(path, cancellationToken);
            return Checked(key, "--api-key-file", "--api-key-file must hold a key of");
        }

        return Environment.GetEnvironmentVariable(EnvironmentVariable) is { } fromEnvironment
            ? Checked(fromEnvironment, EnvironmentVariable, EnvironmentVariable + " must be")
            : null;
    }

    private static async Task<string> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"--api-key-file: no such file '{path}'");
        }

        if (new FileInfo(path).Length > MaxFileBytes)
        {
            throw new UsageException($"--api-key-file: '{path}' is larger than {MaxFileBytes} bytes; it should hold the key alone");
        }

        try
        {
            // Editors and `echo` end the file with a newline, which is not part of the key.
            return (await File.ReadAllTextAsync(path, cancellationToken)).TrimEnd('\r', '\n');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--api-key-file: cannot read '{path}': {ex.Message}");
        }
    }

    /// <remarks>Under 16 characters a key can be guessed, even at the rate the failed-authentication limit allows, in too little time.</remarks>
    private static RunApiKey Checked(string key, string source, string mustBe)
    {
        if (key.Length is < ApiKeyHash.MinKeyLength or > ApiKeyHash.MaxKeyLength || key.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new UsageException($"{mustBe} {ApiKeyHash.MinKeyLength} to {ApiKeyHash.MaxKeyLength} characters without spaces, was {key.Length}");
        }

        return new RunApiKey(key, source);
    }
}
