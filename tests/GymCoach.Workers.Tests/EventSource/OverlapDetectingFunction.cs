using System.Collections.Concurrent;
using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Functions;

namespace GymCoach.Workers.Tests.EventSource;

/// <summary>Passes invocations on, and records every message delivered again while an invocation holding it was still running.</summary>
internal sealed class OverlapDetectingFunction(ISqsFunction inner) : ISqsFunction
{
    private readonly ConcurrentDictionary<string, int> _running = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Overlaps { get; } = new();

    public async Task<SqsBatchResponse> InvokeAsync(SqsEvent sqsEvent, InvocationContext context, CancellationToken cancellationToken)
    {
        var ids = sqsEvent.Records.Select(r => r.MessageId).ToList();
        foreach (var id in ids)
        {
            if (!_running.TryAdd(id, 0))
            {
                Overlaps.Enqueue(id);
            }
        }

        try
        {
            return await inner.InvokeAsync(sqsEvent, context, cancellationToken);
        }
        finally
        {
            foreach (var id in ids)
            {
                _running.TryRemove(id, out _);
            }
        }
    }
}
