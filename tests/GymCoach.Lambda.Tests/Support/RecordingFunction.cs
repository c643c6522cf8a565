using System.Collections.Concurrent;
using GymCoach.Contracts.Lambda;
using GymCoach.Lambda.Runtime;
using GymCoach.Workers.Functions;

namespace GymCoach.Lambda.Tests.Support;

/// <summary>An <see cref="ISqsFunction"/> that records each call and answers with what its script says.</summary>
internal sealed class RecordingFunction(Func<SqsEvent, InvocationContext, CancellationToken, Task<SqsBatchResponse>>? script = null) : ISqsFunction
{
    private readonly ConcurrentQueue<RecordedCall> _calls = new();

    public IReadOnlyList<RecordedCall> Calls => [.. _calls];

    /// <summary>Fails the messages whose body contains <c>"fail"</c>.</summary>
    public static Task<SqsBatchResponse> FailMessagesSayingFail(SqsEvent sqsEvent) => Task.FromResult(new SqsBatchResponse
    {
        BatchItemFailures = [.. sqsEvent.Records
            .Where(record => record.Body.Contains("fail", StringComparison.Ordinal))
            .Select(record => new BatchItemFailure { ItemIdentifier = record.MessageId })],
    });

    public async Task<SqsBatchResponse> InvokeAsync(SqsEvent sqsEvent, InvocationContext context, CancellationToken cancellationToken)
    {
        _calls.Enqueue(new RecordedCall(
            sqsEvent,
            context,
            Environment.GetEnvironmentVariable(RuntimeEnvironmentVariables.TraceId),
            cancellationToken));
        return script is null
            ? await FailMessagesSayingFail(sqsEvent)
            : await script(sqsEvent, context, cancellationToken);
    }
}

/// <param name="TraceEnvironmentVariable">The value of <c>_X_AMZN_TRACE_ID</c> while the call ran.</param>
internal sealed record RecordedCall(SqsEvent Event, InvocationContext Context, string? TraceEnvironmentVariable, CancellationToken Token);
