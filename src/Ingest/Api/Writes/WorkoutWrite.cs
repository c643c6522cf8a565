using GymCoach.Contracts.Events;
using GymCoach.Contracts.Validation;
using GymCoach.Ingest.Api.Parsing;
using GymCoach.Ingest.Api.Security;

namespace GymCoach.Ingest.Api.Writes;

/// <summary><c>POST /v1/workouts</c>: one WorkoutLogged data object.</summary>
internal sealed class WorkoutWrite : WriteEndpoint
{
    private readonly BodyShape<WorkoutLogged> _shape = new(EventJsonContext.Default.WorkoutLogged);

    public override ApiOperation Operation => ApiOperation.WorkoutsWrite;

    public override PreparedWrite Prepare(ReadOnlySpan<byte> body, EventStamp stamp, IngestApiOptions options)
    {
        if (!TryRead(_shape, body, w => EventValidator.ValidateWorkout(w, stamp.Time), out var workout, out var failure))
        {
            return failure!;
        }

        var id = stamp.NewId();
        return Single(id, EventWriter.Serialize(EventWriter.WorkoutLogged(workout!, stamp.Source, id, stamp.Time)));
    }
}
