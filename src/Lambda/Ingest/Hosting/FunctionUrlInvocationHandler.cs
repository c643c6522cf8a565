using System.Text.Json;
using GymCoach.Ingest.Lambda.Events;
using GymCoach.Ingest.Lambda.Server;
using GymCoach.Lambda.Runtime;
using GymCoach.Workers.Metrics;
using Serilog;

namespace GymCoach.Ingest.Lambda.Hosting;

/// <summary>Answers function URL invocations: each event is one HTTP request, answered with the application's response.</summary>
/// <remarks>
/// The request's <c>RequestAborted</c> is cancelled at the invocation's deadline. An answer of any status, 4xx and 5xx
/// included, is a successful invocation: the client gets it as it is. Only an event that is no function URL event (or
/// a body marked base64 that is not) fails the invocation. The metrics recorded while answering are flushed as EMF
/// lines after each invocation, before the next is requested, since Lambda may freeze the process once it is answered.
/// </remarks>
internal sealed class FunctionUrlInvocationHandler(FunctionUrlServer server, MetricsRecorder metrics, TextWriter metricsOutput, ILogger logger)
    : IInvocationHandler, IDisposable
{
    private readonly JsonResponseWriter<FunctionUrlResponse> _responses = new(FunctionUrlJsonContext.Default.FunctionUrlResponse);

    public async Task<InvocationAnswer> HandleAsync(RuntimeInvocation invocation, CancellationToken cancellationToken)
    {
        var context = invocation.Context;
        FunctionUrlRequest request;
        try
        {
            request = JsonSerializer.Deserialize(invocation.Event.Span, FunctionUrlJsonContext.Default.FunctionUrlRequest)
                ?? throw new JsonException("The event is null.");
            if (request.RequestContext?.Http?.Method is null)
            {
                throw new JsonException("The event has no requestContext.http.method: it is no function URL (payload format 2.0) event.");
            }
        }
        catch (JsonException ex)
        {
            logger.Error(ex, "Invocation {RequestId} carried no function URL event", context.RequestId);
            return InvocationAnswer.Failed(RuntimeError.FromException(RuntimeErrorTypes.UnmarshalError, ex));
        }

        try
        {
            return InvocationAnswer.Of(_responses.Write(await server.HandleAsync(request, context.RequestId, cancellationToken)));
        }
        catch (FormatException ex)
        {
            logger.Error(ex, "Invocation {RequestId} carried a body marked base64 that is not", context.RequestId);
            return InvocationAnswer.Failed(RuntimeError.FromException(RuntimeErrorTypes.UnmarshalError, ex));
        }
    }

    public void AfterInvocation() => metrics.Flush(metricsOutput);

    public void Dispose() => _responses.Dispose();
}
