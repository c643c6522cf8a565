namespace GymCoach.Cli.Backends;

internal static class BackendFactory
{
    /// <summary>Opens the named backend; <paramref name="fresh"/> starts the embedded one empty instead of from its saved state.</summary>
    public static async Task<IBackend> OpenAsync(string name, BackendOptions options, bool fresh, CancellationToken cancellationToken) => name switch
    {
        BackendOptions.Embedded => await EmbeddedBackend.OpenAsync(options.StateDirectory, fresh, options.VisibilityTimeout, cancellationToken),
        BackendOptions.Local => await LocalBackend.StartAsync(options.StateDirectory, fresh, options.VisibilityTimeout, cancellationToken),
        BackendOptions.Aws => await AwsBackend.OpenAsync(AwsBackendSettings.FromEnvironment(), cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown backend"),
    };
}
