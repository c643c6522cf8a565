using System.Text.Json;
using GymCoach.Contracts.Events;
using GymCoach.Contracts.Validation;
using GymCoach.Ingest.Api.Parsing;
using GymCoach.Ingest.Api.Security;

namespace GymCoach.Ingest.Api.Writes;

/// <summary><c>POST /v1/workouts:batch</c>: up to 100 workouts; one invalid workout rejects the whole batch, naming every bad field.</summary>
internal sealed class WorkoutBatchWrite : WriteEndpoint
{
    private readonly BodyShape<WorkoutBatchRequest> _shape = new(IngestJsonContext.Default.WorkoutBatchRequest);

    public override ApiOperation Operation => ApiOperation.WorkoutsWrite;

    public override bool IsBatch => true;

    public override PreparedWrite Prepare(ReadOnlySpan<byte> body, EventStamp stamp, IngestApiOptions options)
    {
        if (!TryRead(_shape, body, b => EventValidator.ValidateWorkoutBatch(b.Workouts, stamp.Time, options.MaxBatchWorkouts), out var batch, out var failure))
        {
            return failure!;
        }

        var workouts = batch!.Workouts;
        var bodies = new string[workouts.Count];
        var ids = new string[workouts.Count];
        for (var i = 0; i < workouts.Count; i++)
        {
            ids[i] = stamp.NewId();
            bodies[i] = EventWriter.Serialize(EventWriter.WorkoutLogged(workouts[i], stamp.Source, ids[i], stamp.Time));
        }

        return PreparedWrite.Accept(bodies, JsonSerializer.SerializeToUtf8Bytes(new AcceptedEvents(ids), IngestJsonContext.Default.AcceptedEvents));
    }
}
