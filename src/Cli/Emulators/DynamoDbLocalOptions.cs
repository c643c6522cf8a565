namespace GymCoach.Cli.Emulators;

/// <summary>How <see cref="DynamoDbLocalServer"/> runs DynamoDB Local.</summary>
public sealed class DynamoDbLocalOptions
{
    /// <summary>The loopback port; 0 (default) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>A folder for the database file, so data outlives a restart; null (default) keeps everything in memory.</summary>
    public string? DatabaseDirectory { get; init; }

    /// <summary>The Java launcher, a name on the PATH or a path; default <c>java</c> (a JDK 17 or later).</summary>
    public string JavaExecutable { get; init; } = "java";

    /// <summary>How long the JVM may take to listen; default 60 s (it usually takes 2–5 s).</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
