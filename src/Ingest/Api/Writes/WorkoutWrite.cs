using GymCoach.Contracts.Events;
using GymCoach.Contracts.Validation;
using GymCoach.Ingest.Api.Security;

namespace GymCoach.Ingest.Api.Writes;

/// <summary><c>POST /v1/workouts</c>: one WorkoutLogged data object.</summary>
internal sealed class WorkoutWrite : WriteEndpoint
{
    public override ApiOperation Operation => ApiOperation.WorkoutsWrite;

    public override PreparedWrite Prepare(ReadOnlySpan<byte> body, EventStamp stamp, IngestApiOptions options)
    {
        if (!TryParse(body, EventJsonContext.Default.WorkoutLogged, out var workout, out var problem))
        {
            return PreparedWrite.Fail(problem!);
        }

        var errors = EventValidator.ValidateWorkout(workout!, stamp.Time);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var id = stamp.NewId();
        return Single(id, EventWriter.Serialize(EventWriter.WorkoutLogged(workout!, stamp.Source, id, stamp.Time)));
    }
}
