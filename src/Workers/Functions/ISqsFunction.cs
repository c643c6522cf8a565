using GymCoach.Contracts.Lambda;

namespace GymCoach.Workers.Functions;

/// <summary>A function invoked with SQS events, as the Lambda event source mapping invokes it.</summary>
/// <remarks>
/// The same function runs under the Lambda Runtime API and under the local event-source runner. Returning a
/// response with failures retries only those messages; throwing retries the whole batch.
/// </remarks>
public interface ISqsFunction
{
    Task<SqsBatchResponse> InvokeAsync(SqsEvent sqsEvent, InvocationContext context, CancellationToken cancellationToken);
}
