using System.Text.Json;
using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Functions;
using Serilog;

namespace GymCoach.Lambda.Runtime;

/// <summary>The custom runtime's loop: takes invocations from the runtime API one at a time and answers each.</summary>
/// <remarks>
/// <para>
/// Each event is parsed as an SQS event and handed to the function with a token cancelled at the invocation's deadline
/// (and in any case once the invocation is answered, so no work leaks into the next one). The function's batch
/// response is posted as the result; an event that is not an SQS event, or a function that throws, is posted as an
/// error document, which makes Lambda retry the whole batch.
/// </para>
/// <para>
/// The loop ends when <c>cancellationToken</c> is cancelled, and throws <see cref="RuntimeApiException"/> when the
/// runtime API breaks down: the process should then exit so Lambda replaces the environment.
/// </para>
/// </remarks>
public sealed class LambdaRuntime
{
    /// <summary>A deadline beyond this is treated as none: no timer is armed.</summary>
    private static readonly TimeSpan NoDeadline = TimeSpan.FromDays(1);

    private readonly RuntimeApiClient _client;
    private readonly ISqsFunction _function;
    private readonly ILogger _logger;

    public LambdaRuntime(RuntimeApiClient client, ISqsFunction function, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(function);
        _client = client;
        _function = function;
        _logger = (logger ?? Serilog.Core.Logger.None).ForContext<LambdaRuntime>();
    }

    /// <summary>Answers invocations until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <exception cref="RuntimeApiException">The runtime API failed in a way the runtime cannot go on from.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // One response buffer and writer for the whole loop: invocations never overlap.
        using var responses = new ResponseWriter();
        while (!cancellationToken.IsCancellationRequested)
        {
            RuntimeInvocation invocation;
            try
            {
                invocation = await _client.GetNextInvocationAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await InvokeAsync(invocation, responses, cancellationToken);
            }
            catch (RuntimeApiException ex) when (ex.IsRecoverable)
            {
                // A refused result (e.g. too large) fails this invocation only; the environment is still usable.
                _logger.Error(ex, "The runtime API refused the result of invocation {RequestId}", invocation.Context.RequestId);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task InvokeAsync(RuntimeInvocation invocation, ResponseWriter responses, CancellationToken cancellationToken)
    {
        var context = invocation.Context;
        Environment.SetEnvironmentVariable(RuntimeEnvironmentVariables.TraceId, context.TraceId);

        SqsEvent sqsEvent;
        try
        {
            sqsEvent = LambdaJson.ParseEvent(invocation.Event.Span);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            _logger.Error(ex, "Invocation {RequestId} carried no SQS event", context.RequestId);
            await _client.PostErrorAsync(context.RequestId, RuntimeError.FromException(RuntimeErrorTypes.UnmarshalError, ex), cancellationToken);
            return;
        }

        SqsBatchResponse response;
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
                response = await _function.InvokeAsync(sqsEvent, context, invocationSource.Token);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                _logger.Error(ex, "Invocation {RequestId} failed: the whole batch of {MessageCount} messages is retried", context.RequestId, sqsEvent.Records.Count);
                await _client.PostErrorAsync(context.RequestId, RuntimeError.FromException(RuntimeErrorTypes.Unhandled, ex), cancellationToken);
                return;
            }
            finally
            {
                await invocationSource.CancelAsync();
            }
        }

        await _client.PostResponseAsync(context.RequestId, responses.Write(response), cancellationToken);
        _logger.Debug(
            "Invocation {RequestId} answered with {FailureCount} messages to retry",
            context.RequestId,
            response.BatchItemFailures?.Count ?? 0);
    }
}
