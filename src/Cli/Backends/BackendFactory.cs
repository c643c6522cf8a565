namespace GymCoach.Cli.Backends;

internal static class BackendFactory
{
    /// <summary>Opens the named backend; <paramref name="access"/> and <paramref name="command"/> matter to the embedded one, whose state folder has one writer.</summary>
    public static async Task<IBackend> OpenAsync(string name, BackendOptions options, StateAccess access, string command, CancellationToken cancellationToken) => name switch
    {
        BackendOptions.Embedded => await EmbeddedBackend.OpenAsync(
            options.StateDirectory, access, command, options.VisibilityTimeout, options.RetentionPeriod, cancellationToken),
        BackendOptions.Local => await LocalBackend.StartAsync(options.StateDirectory, fresh: false, options.VisibilityTimeout, cancellationToken),
        BackendOptions.Aws => await AwsBackend.OpenAsync(AwsBackendSettings.FromEnvironment(), cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown backend"),
    };
}
