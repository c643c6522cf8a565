using GymCoach.Ingest.Lambda.Events;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace GymCoach.Ingest.Lambda.Server;

/// <summary>The ASP.NET Core server of the Lambda bootstrap: no socket, each function URL event is one request through the application's pipeline.</summary>
/// <remarks>
/// The web host starts it like Kestrel; <see cref="HandleAsync"/> then runs one request at a time, as Lambda hands out
/// invocations. The response is buffered and mapped to the function's answer when the pipeline has finished.
/// </remarks>
internal sealed class FunctionUrlServer : IServer
{
    private Func<InvocationFeatures, Task>? _process;

    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull
    {
        ArgumentNullException.ThrowIfNull(application);
        _process = features => ProcessAsync(application, features);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _process = null;
        return Task.CompletedTask;
    }

    public void Dispose() => _process = null;

    /// <summary>Runs the request the event describes through the application and returns its answer.</summary>
    /// <param name="aborted">The request's <c>RequestAborted</c>: cancelled at the invocation's deadline.</param>
    /// <exception cref="InvalidOperationException">The server has not been started.</exception>
    /// <exception cref="FormatException">The event's body claims base64 and is not.</exception>
    public async Task<FunctionUrlResponse> HandleAsync(FunctionUrlRequest request, string invocationId, CancellationToken aborted)
    {
        var process = _process ?? throw new InvalidOperationException("The server has not been started.");
        var features = RequestAdapter.ToFeatures(request, invocationId, aborted);
        await process(features);
        return ResponseAdapter.ToResponse(features);
    }

    private static async Task ProcessAsync<TContext>(IHttpApplication<TContext> application, InvocationFeatures features)
        where TContext : notnull
    {
        var context = application.CreateContext(features.Collection);
        Exception? failure = null;
        try
        {
            await application.ProcessRequestAsync(context);
        }
        catch (Exception ex)
        {
            // What Kestrel does with an exception that escaped the pipeline: an empty 500, if nothing has been sent.
            failure = ex;
            ResetToServerError(features);
        }

        await features.Response.StartAsync();
        await features.ResponseBody.CompleteAsync();
        await features.Response.CompleteAsync();
        application.DisposeContext(context, failure);
    }

    private static void ResetToServerError(InvocationFeatures features)
    {
        features.Response.StatusCode = StatusCodes.Status500InternalServerError;
        features.Response.ReasonPhrase = null;
        features.Response.Headers.Clear();
        features.Response.Headers.ContentLength = 0;
        features.ResponseBuffer.SetLength(0);
    }
}
