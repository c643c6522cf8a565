using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GymCoach.Ingest.Api.Hosting;

/// <summary>Builds the API's application on a host's builder: the one pipeline that Kestrel (<see cref="IngestApiHost"/>) and the Lambda bootstrap both run.</summary>
/// <remarks>The server is the host's choice; everything behind it (services, middleware, endpoints, OpenAPI) is set here only, so the two cannot drift.</remarks>
public static class IngestApplication
{
    /// <summary>Registers the API on <paramref name="builder"/>, builds it and maps its middleware and endpoints.</summary>
    /// <param name="configureLogging">Adds log providers; by default the API logs nothing.</param>
    /// <param name="mapEndpoints">
    /// Maps the host's own endpoints (for example a local dashboard). They run behind the correlation-id and error middleware
    /// but not behind the API-key filter, which belongs to the API's endpoints only; they are left out of the OpenAPI document.
    /// </param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public static WebApplication Build(
        WebApplicationBuilder builder,
        IngestApiOptions options,
        IngestBackend backend,
        Action<ILoggingBuilder>? configureLogging,
        Action<IEndpointRouteBuilder>? mapEndpoints)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.ClearProviders();
        configureLogging?.Invoke(builder.Logging);

        // The embedding process owns signals: it stops the API when it stops, not the web host behind its back.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.Services.AddIngestApi(options, backend);

        var app = builder.Build();
        var middleware = app.Services.GetRequiredService<IngestMiddleware>();
        app.Use(next => context => middleware.InvokeAsync(context, next));
        app.MapIngestApi();
        app.MapOpenApi("/openapi/{documentName}.json");
        if (mapEndpoints is not null)
        {
            var own = app.MapGroup(string.Empty).ExcludeFromDescription();
            mapEndpoints(own);
        }

        return app;
    }
}
