using GymCoach.Cli.Commands;

namespace GymCoach.Cli.Backends;

/// <summary>The options every command that opens a backend shares.</summary>
/// <param name="StateDirectory">Where the embedded backend keeps its store between commands.</param>
internal sealed record BackendOptions(string StateDirectory, bool Verbose)
{
    public const string Embedded = "embedded";
    public const string Local = "local";
    public const string Aws = "aws";

    public static readonly string[] Names = [Embedded, Local, Aws];

    public static IReadOnlySet<string> Flags { get; } = new HashSet<string>(StringComparer.Ordinal) { "verbose" };

    public static string ReadBackend(ArgumentReader reader) => reader.Choice("backend", Embedded, Names);

    public static BackendOptions Read(ArgumentReader reader) =>
        new(reader.String("state") ?? Environment.GetEnvironmentVariable("GYMCOACH_STATE") ?? ".gymcoach", reader.Flag("verbose"));
}
