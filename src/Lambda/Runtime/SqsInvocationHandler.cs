using System.Text.Json;
using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Functions;
using Serilog;

namespace GymCoach.Lambda.Runtime;

/// <summary>Answers SQS event-source invocations: parses the event, runs the worker function, posts its batch response.</summary>
/// <remarks>
/// An event that is not an SQS event, or a function that throws, fails the invocation, which makes Lambda retry the
/// whole batch; the batch response otherwise names only the messages to retry.
/// </remarks>
public sealed class SqsInvocationHandler(ISqsFunction function, ILogger? logger = null) : IInvocationHandler, IDisposable
{
    private readonly ILogger _logger = (logger ?? Serilog.Core.Logger.None).ForContext<SqsInvocationHandler>();
    private readonly JsonResponseWriter<SqsBatchResponse> _responses = new(LambdaJsonContext.Default.SqsBatchResponse);

    public async Task<InvocationAnswer> HandleAsync(RuntimeInvocation invocation, CancellationToken cancellationToken)
    {
        var context = invocation.Context;
        SqsEvent sqsEvent;
        try
        {
            sqsEvent = LambdaJson.ParseEvent(invocation.Event.Span);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            _logger.Error(ex, "Invocation {RequestId} carried no SQS event", context.RequestId);
            return InvocationAnswer.Failed(RuntimeError.FromException(RuntimeErrorTypes.UnmarshalError, ex));
        }

        SqsBatchResponse response;
        try
        {
            response = await function.InvokeAsync(sqsEvent, context, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.Error(ex, "Invocation {RequestId} failed: the whole batch of {MessageCount} messages is retried", context.RequestId, sqsEvent.Records.Count);
            return InvocationAnswer.Failed(RuntimeError.FromException(RuntimeErrorTypes.Unhandled, ex));
        }

        _logger.Debug("Invocation {RequestId} answered with {FailureCount} messages to retry", context.RequestId, response.BatchItemFailures?.Count ?? 0);
        return InvocationAnswer.Of(_responses.Write(response));
    }

    // The worker function flushes its own metrics after each invocation (MeteredSqsFunction).
    public void AfterInvocation()
    {
    }

    public void Dispose() => _responses.Dispose();
}
