using System.Diagnostics;
using GymCoach.Contracts.Queueing;
using GymCoach.Ingest.Api.Http;
using GymCoach.Workers.Metrics;
using GymCoach.Ingest.Api.Problems;
using GymCoach.Ingest.Api.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GymCoach.Ingest.Api.Hosting;

/// <summary>Runs around every request: sets the correlation id, refuses a foreign Host, turns an unhandled error into a problem instead of an empty 500, and records the request's metrics.</summary>
internal sealed class IngestMiddleware(ILogger<IngestMiddleware> logger, IngestApiOptions options, IngestBackend backend, HostFilter hosts)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var given = context.Request.Headers[ApiHeaders.CorrelationId];
        var id = given.Count == 1 && CorrelationIds.IsValid(given[0]) ? given[0]! : CorrelationIds.New();
        context.TraceIdentifier = id;
        context.Response.Headers[ApiHeaders.CorrelationId] = id;
        var started = Stopwatch.GetTimestamp();

        try
        {
            // Before routing, so no endpoint (the API's or the host's own) ever answers a foreign Host.
            if (!hosts.Allows(context.Request.Host))
            {
                await Problem.ForeignHost(context.Request.Host.Value ?? string.Empty).ExecuteAsync(context);
                return;
            }

            await next(context);
            if (!context.Response.HasStarted && context.Response.ContentLength is null && RoutingProblem(context) is { } problem)
            {
                await problem.ExecuteAsync(context);
            }
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            // Kestrel's own limits and framing errors: the client's fault, answered in the API's format.
            var problem = ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? Problem.TooLarge(Math.Max(options.MaxBatchBodyBytes, options.MaxSingleBodyBytes))
                : Problem.MalformedJson("$", "the request could not be read", 1, 1);
            await problem.ExecuteAsync(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            IngestLog.Unhandled(logger, ex, context.Request.Path.Value ?? string.Empty, id);
            context.Response.Clear();
            context.Response.Headers[ApiHeaders.CorrelationId] = id;
            await Problem.InternalError().ExecuteAsync(context);
        }
        finally
        {
            backend.Metrics?.RecordApiRequest(context.Response.StatusCode, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>Routing answers an unknown path, a wrong method or a content type an endpoint does not accept with an empty body; give it the API's format.</summary>
    private static ProblemResult? RoutingProblem(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status404NotFound => Problem.NotFound("No such endpoint", "See /openapi/v1.json for the API's endpoints."),
        StatusCodes.Status405MethodNotAllowed => Problem.MethodNotAllowed(),
        StatusCodes.Status415UnsupportedMediaType => Problem.UnsupportedMediaType(context.Request.ContentType),
        _ => null,
    };
}
