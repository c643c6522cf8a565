using System.Buffers;
using System.Text.Json;
using GymCoach.Ingest.Lambda.Events;
using GymCoach.Ingest.Lambda.Server;
using GymCoach.Lambda.Runtime;
using GymCoach.Workers.Metrics;
using Serilog;

namespace GymCoach.Ingest.Lambda.Hosting;

/// <summary>The API's runtime loop: takes function URL events from the runtime API one at a time and answers each with the application's response.</summary>
/// <remarks>
/// <para>
/// Every event is one HTTP request; its <c>RequestAborted</c> is cancelled at the invocation's deadline. An answer of any
/// status, 4xx and 5xx included, is a successful invocation: the client gets it as it is. Only an event that is no
/// function URL event is posted as an error. The metrics recorded while answering are flushed as EMF lines before the
/// next invocation is requested, since Lambda may freeze the process as soon as the answer is posted.
/// </para>
/// <para>
/// The loop ends when <c>cancellationToken</c> is cancelled, and throws <see cref="RuntimeApiException"/> when the
/// runtime API breaks down: the process should then exit so Lambda replaces the environment.
/// </para>
/// </remarks>
internal sealed class FunctionUrlRuntime(RuntimeApiClient client, FunctionUrlServer server, MetricsRecorder metrics, TextWriter metricsOutput, ILogger logger)
{
    /// <summary>A deadline beyond this is treated as none: no timer is armed.</summary>
    private static readonly TimeSpan NoDeadline = TimeSpan.FromDays(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // One response buffer for the whole loop: invocations never overlap.
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using var writer = new Utf8JsonWriter(buffer);
        while (!cancellationToken.IsCancellationRequested)
        {
            RuntimeInvocation invocation;
            try
            {
                invocation = await client.GetNextInvocationAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await InvokeAsync(invocation, buffer, writer, cancellationToken);
            }
            catch (RuntimeApiException ex) when (ex.IsRecoverable)
            {
                // A refused result (e.g. over the 6 MB payload limit) fails this invocation only.
                logger.Error(ex, "The runtime API refused the result of invocation {RequestId}", invocation.Context.RequestId);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            finally
            {
                metrics.Flush(metricsOutput);
            }
        }
    }

    private async Task InvokeAsync(RuntimeInvocation invocation, ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer, CancellationToken cancellationToken)
    {
        var context = invocation.Context;
        Environment.SetEnvironmentVariable(RuntimeEnvironmentVariables.TraceId, context.TraceId);
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
            await client.PostErrorAsync(context.RequestId, RuntimeError.FromException(RuntimeErrorTypes.UnmarshalError, ex), cancellationToken);
            return;
        }

        FunctionUrlResponse response;
        using (var invocationSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            // The deadline is wall-clock time from the runtime API, so the system clock and timer are the ones to use.
            var remaining = context.Deadline - DateTimeOffset.UtcNow;
            if (remaining < NoDeadline)
            {
                invocationSource.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
            }

            try
            {
                response = await server.HandleAsync(request, context.RequestId, invocationSource.Token);
            }
            catch (FormatException ex)
            {
                logger.Error(ex, "Invocation {RequestId} carried a body marked base64 that is not", context.RequestId);
                await client.PostErrorAsync(context.RequestId, RuntimeError.FromException(RuntimeErrorTypes.UnmarshalError, ex), cancellationToken);
                return;
            }
            finally
            {
                await invocationSource.CancelAsync();
            }
        }

        buffer.ResetWrittenCount();
        writer.Reset();
        JsonSerializer.Serialize(writer, response, FunctionUrlJsonContext.Default.FunctionUrlResponse);
        await client.PostResponseAsync(context.RequestId, buffer.WrittenMemory, cancellationToken);
    }
}
