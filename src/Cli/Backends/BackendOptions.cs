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

    /// <summary>How long the embedded queues keep a message before dropping it. Default 4 days, as SQS (<c>--retention</c>, 1 minute to 14 days).</summary>
    public TimeSpan RetentionPeriod { get; init; } = EmbeddedBackend.DefaultRetentionPeriod;

    public static string ReadBackend(ArgumentReader reader) => reader.Choice("backend", Embedded, Names);

    /// <summary>The state folder when neither <c>--state</c> nor <c>GYMCOACH_STATE</c> names one.</summary>
    public const string DefaultStateDirectory = ".gymcoach";

    /// <param name="ownDefault">The command's own state folder when <c>--state</c> is not given (the demo's); otherwise <c>GYMCOACH_STATE</c>, then <see cref="DefaultStateDirectory"/>.</param>
    public static BackendOptions Read(ArgumentReader reader, string? ownDefault = null) =>
        new(reader.String("state") ?? ownDefault ?? Environment.GetEnvironmentVariable("GYMCOACH_STATE") ?? DefaultStateDirectory, reader.Flag("verbose"))
        {
            RetentionPeriod = reader.Duration("retention", TimeSpan.FromMinutes(1), TimeSpan.FromDays(14)) ?? EmbeddedBackend.DefaultRetentionPeriod,
        };
}
