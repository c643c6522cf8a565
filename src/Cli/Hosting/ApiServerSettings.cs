using GymCoach.Ingest.Api;

namespace GymCoach.Cli.Hosting;

/// <summary>How <c>gymcoach run</c> serves the API.</summary>
internal sealed record ApiServerSettings
{
    public const int DefaultRequestsPerSecond = 1000;

    /// <summary>The loopback port; 0 picks a free one.</summary>
    public int Port { get; init; } = 8080;

    /// <summary>The key the API accepts; null generates one.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The Host names the API answers to; default the loopback names (<see cref="IngestApiOptions.DefaultAllowedHosts"/>).</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = IngestApiOptions.DefaultAllowedHosts;

    /// <summary>The key's token bucket refill rate; its burst is twice that.</summary>
    public int RequestsPerSecond { get; init; } = DefaultRequestsPerSecond;

    /// <summary>How long requests in flight may take to finish at shutdown, and then how long the queues may take to drain.</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The producers' keys (hashed); when given, they replace the one <see cref="ApiKey"/>.</summary>
    public IReadOnlyList<ApiKeyOptions>? ApiKeys { get; init; }

    /// <summary>A file the API appends its metrics to, as CloudWatch embedded metric format lines; null records none.</summary>
    public string? MetricsFile { get; init; }

    /// <summary>How the workers behind the API run.</summary>
    public PipelineSettings Pipeline { get; init; } = new();
}
