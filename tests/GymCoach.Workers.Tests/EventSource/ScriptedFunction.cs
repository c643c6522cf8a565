using System.Collections.Concurrent;
using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Functions;

namespace GymCoach.Workers.Tests.EventSource;

/// <summary>A function that records every invocation and answers as its script says.</summary>
internal sealed class ScriptedFunction(Func<SqsEvent, int, Task<SqsBatchResponse>> script) : ISqsFunction
{
    private int _invocations;
    private int _concurrent;
    private int _maxConcurrent;

    public ConcurrentQueue<SqsEvent> Events { get; } = new();

    /// <summary>The token each invocation was given, in the order of the invocations.</summary>
    public ConcurrentQueue<CancellationToken> Tokens { get; } = new();

    public int Invocations => Volatile.Read(ref _invocations);

    public int MaxConcurrent => Volatile.Read(ref _maxConcurrent);

    public static SqsBatchResponse Success { get; } = new() { BatchItemFailures = [] };

    public static SqsBatchResponse Failing(params string?[] ids) =>
        new() { BatchItemFailures = [.. ids.Select(id => new BatchItemFailure { ItemIdentifier = id! })] };

    public async Task<SqsBatchResponse> InvokeAsync(SqsEvent sqsEvent, InvocationContext context, CancellationToken cancellationToken)
    {
        var invocation = Interlocked.Increment(ref _invocations);
        Events.Enqueue(sqsEvent);
        Tokens.Enqueue(cancellationToken);
        var concurrent = Interlocked.Increment(ref _concurrent);
        InterlockedMax(ref _maxConcurrent, concurrent);
        try
        {
            return await script(sqsEvent, invocation);
        }
        finally
        {
            Interlocked.Decrement(ref _concurrent);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
