using GymCoach.Contracts.Events;
using GymCoach.Ingest.Api.Health;
using GymCoach.Ingest.Api.Hosting;
using GymCoach.Ingest.Api.Idempotency;
using GymCoach.Ingest.Api.Reads;
using GymCoach.Ingest.Api.Security;
using GymCoach.Ingest.Api.Writes;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Caching;
using GymCoach.Workers.Metrics;
using GymCoach.Workers.Plans;
using GymCoach.Workers.ReadSide;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GymCoach.Ingest.Api;

public static class IngestServiceCollectionExtensions
{
    /// <summary>Registers the API's services, its source-generated JSON and its OpenAPI document (<c>v1</c>).</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public static IServiceCollection AddIngestApi(this IServiceCollection services, IngestApiOptions options, IngestBackend backend)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(backend);
        options.Validate();

        services.TryAddSingleton(options);
        services.TryAddSingleton(backend);
        services.TryAddSingleton(backend.AnalyticsReader);
        var readCaches = backend.ReadCaches ?? new ReadCaches(backend.Store, new CacheOptions());
        services.TryAddSingleton(readCaches);
        if (backend.Metrics is { } metrics)
        {
            // Every host of the API reports these caches the same way; the analytics cache is the host's, shared with the workers, so it reports that one.
            metrics.AddSource(new CacheMetricsSource(() => readCaches.Profiles.Statistics));
            metrics.AddSource(new CacheMetricsSource(() => readCaches.Exercises.Statistics));
            metrics.AddSource(new CacheMetricsSource(() => readCaches.Plans.Statistics));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ApiKeyAuthenticator>();
        services.TryAddSingleton<ApiKeyRateLimiter>();
        services.TryAddSingleton<HostFilter>();
        services.TryAddSingleton<FailedAuthenticationLimiter>();
        services.TryAddSingleton(provider => new IdempotencyStore(
            provider.GetRequiredService<IngestBackend>().Store, provider.GetRequiredService<IngestApiOptions>(), provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<WritePipeline>();
        services.TryAddSingleton<AnalyticsEndpoint>();
        services.TryAddSingleton<ProfileEndpoint>();
        services.TryAddSingleton<LibraryEndpoints>();
        services.TryAddSingleton<ReadinessProbe>();
        services.TryAddSingleton<IngestMiddleware>();

        // The OpenAPI document describes bodies from the same source-generated contracts the API reads and writes.
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, IngestJsonContext.Default);
            json.SerializerOptions.TypeInfoResolverChain.Insert(1, EventJsonContext.Default);
            json.SerializerOptions.TypeInfoResolverChain.Insert(2, AnalyticsJsonContext.Default);
            json.SerializerOptions.TypeInfoResolverChain.Insert(3, ReadSideJsonContext.Default);
            json.SerializerOptions.TypeInfoResolverChain.Insert(4, PlanJsonContext.Default);
        });
        services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer<ApiKeySecurityTransformer>());
        return services;
    }
}
