using GymCoach.Cli.Commands;
using GymCoach.Cli.Hosting;

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

    /// <summary>The visibility timeout of the embedded and local queues. Default 31 s (see <see cref="PipelineSettings.DefaultVisibilityTimeout"/>); the aws backend's queues keep their own.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = PipelineSettings.DefaultVisibilityTimeout;

    public static string ReadBackend(ArgumentReader reader) => reader.Choice("backend", Embedded, Names);

    public static BackendOptions Read(ArgumentReader reader) =>
        new(reader.String("state") ?? Environment.GetEnvironmentVariable("GYMCOACH_STATE") ?? ".gymcoach", reader.Flag("verbose"));
}
