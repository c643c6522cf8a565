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
/// Two batched reads serve the whole chunk (every user's analytics item, then every named workout),
/// then one fold per user that has something new. A user whose fold fails fails only their own messages.
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

        var requests = await ReadAsync(cancellationToken);
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
                        var analytics = await handler.Folder.BringUpToDateAsync(request.UserId, requests[request.UserId], token);
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

    /// <summary>
    /// Every user's analytics item, then every named workout: two batched reads, in that order, so that a workout read
    /// unmarked here was unmarked after the analytics item was read (see <see cref="AnalyticsFolder"/>).
    /// </summary>
    private async Task<Dictionary<string, UserFoldRequest>> ReadAsync(CancellationToken cancellationToken)
    {
        var states = await handler.Store.GetManyAsync([.. _byUser.Values.Select(request => AnalyticsItems.Key(request.UserId))], cancellationToken);
        var keys = new List<ItemKey>(_byUser.Values.Sum(request => request.WorkoutIds.Count));
        foreach (var request in _byUser.Values)
        {
            keys.AddRange(request.WorkoutIds.Select(workoutId => WorkoutItems.Key(request.UserId, workoutId)));
        }

        var workouts = keys.Count == 0 ? [] : await handler.Store.GetManyAsync(keys, cancellationToken);
        var requests = new Dictionary<string, UserFoldRequest>(_byUser.Count, StringComparer.Ordinal);
        var (user, position) = (0, 0);
        foreach (var request in _byUser.Values)
        {
            var unmarked = new List<StoredItem>(request.WorkoutIds.Count);
            for (var end = position + request.WorkoutIds.Count; position < end; position++)
            {
                if (workouts[position] is { } workout && !WorkoutItems.IsFolded(workout))
                {
                    unmarked.Add(workout);
                }
            }

            requests[request.UserId] = new UserFoldRequest(request.Rebuild, states[user++], unmarked);
        }

        return requests;
    }
}
