using GymCoach.Lambda.Hosting;

namespace GymCoach.Lambda.Composition;

/// <summary>Opens the backend the settings name.</summary>
internal static class WorkerBackends
{
    public static IWorkerBackend Create(LambdaSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Backend switch
        {
            BackendKind.Embedded => new EmbeddedWorkerBackend(settings.Worker),
            BackendKind.Aws => AwsWorkerBackend.Create(settings),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Backend, "unknown backend"),
        };
    }
}
