using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Functions;

namespace GymCoach.Hosting.Workers;

/// <summary>
/// Diagnostic mode of the embedded backend: throws, failing the whole invocation, when an event holds the configured
/// message id; otherwise passes the event on. For testing the runtime's error path and the function's error alarms.
/// </summary>
internal sealed class FaultInjectingFunction(ISqsFunction inner, string failingMessageId) : ISqsFunction
{
    public Task<SqsBatchResponse> InvokeAsync(SqsEvent sqsEvent, InvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sqsEvent);
        foreach (var record in sqsEvent.Records)
        {
            if (string.Equals(record?.MessageId, failingMessageId, StringComparison.Ordinal))
            {
                throw new InjectedFaultException($"Injected fault: the event holds message {failingMessageId}.");
            }
        }

        return inner.InvokeAsync(sqsEvent, context, cancellationToken);
    }
}
