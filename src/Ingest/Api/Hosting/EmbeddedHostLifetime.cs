using Microsoft.Extensions.Hosting;

namespace GymCoach.Ingest.Api.Hosting;

/// <summary>Leaves signals (Ctrl-C, SIGTERM) to the process that embeds the API, which stops it through <see cref="IngestApiHost.StopAsync"/>.</summary>
/// <remarks>The default console lifetime would stop the web host on SIGTERM behind the back of the workers it shares the process with.</remarks>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
