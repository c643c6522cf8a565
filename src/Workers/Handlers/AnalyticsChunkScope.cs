using System.Collections.Concurrent;
using GymCoach.Contracts.Events;
using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Metrics;
using GymCoach.Workers.Storage;

namespace GymCoach.Workers.Handlers;

/// <summary>One chunk of the analytics worker: each requested user is brought up to date once, however many requests name them.</summary>
/// <remarks>
/// One batched read serves the whole chunk (every user's analytics item and every named workout), then one transaction
/// per user that has something new. A user whose fold fails fails only their own messages.
/// </remarks>
internal sealed class AnalyticsChunkScope(AnalyticsHandler handler) : IChunkScope
{
    private readonly Dictionary<string, UserRecompute> _byUser = new(StringComparer.Ordinal);

    public ValueTask HandleAsync(SqsMessage message, CancellationToken cancellationToken)
    {
        var type = EventReader.ReadType(message.Body);
        if (type != EventTypes.AnalyticsRecompute)
        {
            throw new PoisonMessageException($"event type '{type}' does not belong on the analytics queue");
        }

        var recompute = EventReader.ReadAnalyticsRecompute(message.Body).Data;
        UserRecompute.For(_byUser, recompute.UserId).Add(recompute, message);
        return ValueTask.CompletedTask;
    }

    public async ValueTask CompleteAsync(ChunkCompletion completion, CancellationToken cancellationToken)
    {
        if (_byUser.Count == 0)
        {
            return;
        }

        var (states, workouts) = await ReadAsync(cancellationToken);
        var written = new ConcurrentBag<UserAnalytics>();
        var settled = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        try
        {
            await Parallel.ForEachAsync(
                _byUser.Values,
                new ParallelOptions { MaxDegreeOfParallelism = AnalyticsHandler.UserParallelism, CancellationToken = cancellationToken },
                async (request, token) =>
                {
                    try
                    {
                        var analytics = await handler.Folder.BringUpToDateAsync(
                            request.UserId, request.Rebuild, states[request.UserId], workouts[request.UserId], token);
                        if (analytics is not null)
                        {
                            written.Add(analytics);
                        }

                        settled[request.UserId] = true;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                    {
                        FailAll(completion, request, ex);
                        settled[request.UserId] = true;
                    }
                });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The deadline came first: the users brought up to date keep their success, the others are retried.
            var late = new OperationCanceledException("the invocation's deadline came before this user's fold finished", cancellationToken);
            foreach (var request in _byUser.Values.Where(request => !settled.ContainsKey(request.UserId)))
            {
                FailAll(completion, request, late);
            }
        }

        handler.Metrics?.RecordRecomputes(written.Count);
        if (handler.Cache is { } cache)
        {
            foreach (var analytics in written)
            {
                cache.Set(AnalyticsDocument.From(analytics));
            }
        }
    }

    private static void FailAll(ChunkCompletion completion, UserRecompute request, Exception error)
    {
        foreach (var message in request.Messages)
        {
            completion.Fail(message, error);
        }
    }

    /// <summary>Every user's analytics item and named workouts, in one batched read: each user's item is listed before their workouts.</summary>
    private async Task<(Dictionary<string, StoredItem?> States, Dictionary<string, List<StoredItem>> Workouts)> ReadAsync(CancellationToken cancellationToken)
    {
        var keys = new List<ItemKey>(_byUser.Count * 2);
        foreach (var request in _byUser.Values)
        {
            keys.Add(AnalyticsItems.Key(request.UserId));
            foreach (var workoutId in request.WorkoutIds)
            {
                keys.Add(WorkoutItems.Key(request.UserId, workoutId));
            }
        }

        var items = await handler.Store.GetManyAsync(keys, cancellationToken);
        var states = new Dictionary<string, StoredItem?>(_byUser.Count, StringComparer.Ordinal);
        var workouts = new Dictionary<string, List<StoredItem>>(_byUser.Count, StringComparer.Ordinal);
        var position = 0;
        foreach (var request in _byUser.Values)
        {
            states[request.UserId] = items[position++];
            var stored = new List<StoredItem>(request.WorkoutIds.Count);
            for (var i = 0; i < request.WorkoutIds.Count; i++)
            {
                if (items[position++] is { } workout)
                {
                    stored.Add(workout);
                }
            }

            workouts[request.UserId] = stored;
        }

        return (states, workouts);
    }
}
