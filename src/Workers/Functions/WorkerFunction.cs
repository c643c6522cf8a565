using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Batching;

namespace GymCoach.Workers.Functions;

/// <summary>A worker Lambda function: its handler driven by the batch processor, answering with the partial batch response.</summary>
public sealed class WorkerFunction(BatchProcessor processor, IMessageHandler handler) : ISqsFunction
{
    public async Task<SqsBatchResponse> InvokeAsync(SqsEvent sqsEvent, InvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outcome = await processor.ProcessAsync(sqsEvent, handler, context.Deadline, cancellationToken);
        return outcome.Response;
    }
}
