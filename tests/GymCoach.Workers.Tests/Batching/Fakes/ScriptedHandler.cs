using System.Collections.Concurrent;
using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Batching;

namespace GymCoach.Workers.Tests.Batching.Fakes;

/// <summary>A handler whose failures are scripted by message id and which records every scope, call and token.</summary>
/// <remarks>Configure it before processing; the recordings are safe to read once processing returned.</remarks>
internal sealed class ScriptedHandler : IMessageHandler
{
    private int _scopes;
    private int _active;
    private int _maxActive;

    /// <summary>HandleAsync throws this exception for the message with this id.</summary>
    public Dictionary<string, Exception> HandleFailures { get; } = new(StringComparer.Ordinal);

    /// <summary>CompleteAsync fails the message with this id through <see cref="ChunkCompletion.Fail"/>.</summary>
    public Dictionary<string, Exception> CompletionFailures { get; } = new(StringComparer.Ordinal);

    /// <summary>CompleteAsync throws when its chunk handled any of these ids.</summary>
    public HashSet<string> CompleteThrowsWhenHandled { get; } = new(StringComparer.Ordinal);

    public Exception? BeginChunkThrows { get; set; }

    /// <summary>Runs at the end of each CompleteAsync, e.g. to fail a message the chunk never handled.</summary>
    public Action<ChunkCompletion>? OnComplete { get; set; }

    /// <summary>Runs before each HandleAsync outcome, e.g. to advance a clock or wait at a gate.</summary>
    public Func<SqsMessage, CancellationToken, ValueTask>? OnHandle { get; set; }

    public ConcurrentQueue<ScopeRecord> Scopes { get; } = new();

    /// <summary>Every message HandleAsync was called with, in call order.</summary>
    public ConcurrentQueue<string> HandleCalls { get; } = new();

    public int ActiveScopes => Volatile.Read(ref _active);

    public int MaxActiveScopes => Volatile.Read(ref _maxActive);

    public IChunkScope BeginChunk()
    {
        if (BeginChunkThrows is not null)
        {
            throw BeginChunkThrows;
        }

        var active = Interlocked.Increment(ref _active);
        int max;
        while (active > (max = Volatile.Read(ref _maxActive)) && Interlocked.CompareExchange(ref _maxActive, active, max) != max)
        {
        }

        var record = new ScopeRecord(Interlocked.Increment(ref _scopes));
        Scopes.Enqueue(record);
        return new Scope(this, record);
    }

    internal sealed class ScopeRecord(int number)
    {
        public int Number { get; } = number;

        /// <summary>Ids HandleAsync was called with, in order.</summary>
        public List<string> Handled { get; } = [];

        /// <summary>Ids CompleteAsync received as handled, or null when it was never called.</summary>
        public List<string>? Completed { get; set; }

        public CancellationToken HandleToken { get; set; }

        public bool Disposed { get; set; }
    }

    private sealed class Scope(ScriptedHandler owner, ScopeRecord record) : IChunkScope, IDisposable
    {
        public async ValueTask HandleAsync(SqsMessage message, CancellationToken cancellationToken)
        {
            record.Handled.Add(message.MessageId);
            record.HandleToken = cancellationToken;
            owner.HandleCalls.Enqueue(message.MessageId);
            if (owner.OnHandle is not null)
            {
                await owner.OnHandle(message, cancellationToken);
            }

            if (message.MessageId is { } id && owner.HandleFailures.TryGetValue(id, out var failure))
            {
                throw failure;
            }
        }

        public ValueTask CompleteAsync(ChunkCompletion completion, CancellationToken cancellationToken)
        {
            var completed = new List<string>(completion.Handled.Count);
            foreach (var message in completion.Handled)
            {
                completed.Add(message.MessageId);
            }

            record.Completed = completed;
            Interlocked.Decrement(ref owner._active);
            foreach (var message in completion.Handled)
            {
                if (owner.CompleteThrowsWhenHandled.Contains(message.MessageId))
                {
                    throw new TimeoutException("The downstream store timed out.");
                }

                if (message.MessageId is { } id && owner.CompletionFailures.TryGetValue(id, out var failure))
                {
                    completion.Fail(message, failure);
                }
            }

            owner.OnComplete?.Invoke(completion);
            return ValueTask.CompletedTask;
        }

        public void Dispose() => record.Disposed = true;
    }
}
