using GymCoach.Contracts.Events;
using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Batching;

namespace GymCoach.Workers.Handlers;

/// <summary>One chunk of the writes worker: collects the chunk's writes, stores them in batches, then requests recomputes.</summary>
internal sealed class WritesChunkScope(WritesHandler handler) : IChunkScope
{
    private readonly WorkoutWriter _workouts = new(handler.Store);
    private readonly ProfileWriter _profiles = new(handler.Store);
    private readonly List<(SqsMessage Message, AnalyticsRecomputeRequested Request)> _forwardedRecomputes = [];

    public ValueTask HandleAsync(SqsMessage message, CancellationToken cancellationToken)
    {
        var body = message.Body;
        switch (EventReader.ReadType(body))
        {
            case EventTypes.WorkoutLogged:
                _workouts.Add(message, EventReader.ReadWorkoutLogged(body, handler.TimeProvider.GetUtcNow()).Data);
                break;
            case EventTypes.ProfileUpdated:
                _profiles.Add(message, EventReader.ReadProfileUpdated(body));
                break;
            case EventTypes.AnalyticsRecompute:
                // A producer may post a recompute to the writes queue; pass it on rather than drop it.
                _forwardedRecomputes.Add((message, EventReader.ReadAnalyticsRecompute(body).Data));
                break;
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask CompleteAsync(ChunkCompletion completion, CancellationToken cancellationToken)
    {
        var affectedUsers = new RecomputeRequests();
        await _workouts.SaveAsync(completion, affectedUsers, cancellationToken);
        await _profiles.SaveAsync(cancellationToken);
        foreach (var (message, request) in _forwardedRecomputes)
        {
            affectedUsers.Forward(request, message);
        }

        await affectedUsers.SendAsync(handler.AnalyticsQueue, handler.TimeProvider, completion, cancellationToken);
    }
}
