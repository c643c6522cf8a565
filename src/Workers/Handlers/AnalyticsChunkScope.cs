using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using GymCoach.Contracts.Events;
using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Metrics;
using GymCoach.Workers.Storage;

namespace GymCoach.Workers.Handlers;

/// <summary>One chunk of the analytics worker: each requested user is computed once, however many requests name them.</summary>
/// <remarks>A computation of the same user already started by a concurrent chunk after this one began is joined, not repeated.</remarks>
internal sealed class AnalyticsChunkScope(AnalyticsHandler handler) : IChunkScope
{
    private readonly Dictionary<string, List<SqsMessage>> _messagesByUser = new(StringComparer.Ordinal);

    // Every message of this chunk was received before this moment.
    private readonly long _begunAt = Stopwatch.GetTimestamp();

    public ValueTask HandleAsync(SqsMessage message, CancellationToken cancellationToken)
    {
        var type = EventReader.ReadType(message.Body);
        if (type != EventTypes.AnalyticsRecompute)
        {
            throw new PoisonMessageException($"event type '{type}' does not belong on the analytics queue");
        }

        var userId = EventReader.ReadAnalyticsRecompute(message.Body).Data.UserId;
        if (!_messagesByUser.TryGetValue(userId, out var messages))
        {
            _messagesByUser[userId] = messages = [];
        }

        messages.Add(message);
        return ValueTask.CompletedTask;
    }

    public async ValueTask CompleteAsync(ChunkCompletion completion, CancellationToken cancellationToken)
    {
        if (_messagesByUser.Count == 0)
        {
            return;
        }

        var documents = new ConcurrentBag<AnalyticsDocument>();
        await Parallel.ForEachAsync(
            _messagesByUser,
            new ParallelOptions { MaxDegreeOfParallelism = AnalyticsHandler.UserParallelism, CancellationToken = cancellationToken },
            async (entry, token) =>
            {
                try
                {
                    documents.Add(await handler.Computations.RunAsync(entry.Key, _begunAt, t => ComputeAsync(entry.Key, t), token));
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    foreach (var message in entry.Value)
                    {
                        completion.Fail(message, ex);
                    }
                }
            });

        await SaveAsync([.. documents], cancellationToken);
    }

    private async Task<AnalyticsDocument> ComputeAsync(string userId, CancellationToken cancellationToken)
    {
        var workouts = new List<WorkoutLogged>();
        await foreach (var item in handler.Store.QueryAllAsync(TableKeys.UserPartition(userId), TableKeys.WorkoutSortKeyPrefix, cancellationToken))
        {
            workouts.Add(JsonSerializer.Deserialize(item.Data, EventJsonContext.Default.WorkoutLogged)
                ?? throw new InvalidDataException($"stored workout {item.SortKey} is null"));
        }

        return AnalyticsDocument.From(AnalyticsCalculator.Compute(userId, workouts, handler.TimeProvider.GetUtcNow()));
    }

    private async Task SaveAsync(AnalyticsDocument[] documents, CancellationToken cancellationToken)
    {
        var writes = new ItemWrite[documents.Length];
        for (var i = 0; i < documents.Length; i++)
        {
            writes[i] = new ItemWrite(
                new StoredItem
                {
                    PartitionKey = TableKeys.UserPartition(documents[i].UserId),
                    SortKey = TableKeys.AnalyticsSortKey,
                    Data = AnalyticsJson.Serialize(documents[i]),
                    Version = documents[i].ComputedFromWorkouts,
                },
                WriteCondition.IfNewerVersion);
        }

        var results = await handler.Store.WriteAsync(writes, cancellationToken);
        handler.Metrics?.RecordRecomputes(results.Count(r => r.Written));
        if (handler.Cache is not { } cache)
        {
            return;
        }

        for (var i = 0; i < documents.Length; i++)
        {
            // Refused means a result from at least as much data is stored; the cache must not keep an older one.
            if (results[i].Written)
            {
                cache.Set(documents[i]);
            }
            else
            {
                cache.Invalidate(documents[i].UserId);
            }
        }
    }
}
