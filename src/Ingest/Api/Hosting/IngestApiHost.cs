using System.Net;
using GymCoach.Ingest.Api.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GymCoach.Ingest.Api;

/// <summary>The ingest API on Kestrel, bound to 127.0.0.1: started by <c>gymcoach run</c> and by the tests.</summary>
public sealed class IngestApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private IngestApiHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the API listens, for example <c>http://127.0.0.1:8080/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts the API on the loopback interface; port 0 picks a free port.</summary>
    /// <param name="configureLogging">Adds log providers; by default the API logs nothing.</param>
    /// <exception cref="IOException">The port is in use.</exception>
    public static Task<IngestApiHost> StartAsync(
        IngestApiOptions options,
        IngestBackend backend,
        int port,
        Action<ILoggingBuilder>? configureLogging,
        CancellationToken cancellationToken) =>
        StartAsync(options, backend, port, configureLogging, mapEndpoints: null, cancellationToken);

    /// <summary>Starts the API on the loopback interface, with the host's own endpoints next to the API's; port 0 picks a free port.</summary>
    /// <param name="configureLogging">Adds log providers; by default the API logs nothing.</param>
    /// <param name="mapEndpoints">
    /// Maps the host's own endpoints (for example a local dashboard). They run behind the correlation-id and error middleware
    /// but not behind the API-key filter, which belongs to the API's endpoints only; they are left out of the OpenAPI document.
    /// </param>
    /// <exception cref="IOException">The port is in use.</exception>
    public static async Task<IngestApiHost> StartAsync(
        IngestApiOptions options,
        IngestBackend backend,
        int port,
        Action<ILoggingBuilder>? configureLogging,
        Action<IEndpointRouteBuilder>? mapEndpoints,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.AddServerHeader = false;

            // One byte over the largest body limit, so the API's own check answers with its problem first.
            kestrel.Limits.MaxRequestBodySize = Math.Max(options.MaxBatchBodyBytes, options.MaxSingleBodyBytes) + 1L;
        });
        var app = IngestApplication.Build(builder, options, backend, configureLogging, mapEndpoints);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new IngestApiHost(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>Stops accepting connections and lets in-flight requests finish (their messages reach the queue) within the token.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
