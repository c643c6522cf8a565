using GymCoach.Contracts.Events;
using GymCoach.Contracts.Validation;
using GymCoach.Ingest.Api.Security;

namespace GymCoach.Ingest.Api.Writes;

/// <summary><c>POST /v1/profiles</c>: the whole profile (ProfileUpdated data), stamped with the time the API received it.</summary>
/// <remarks>
/// The event time decides last-write-wins in the writes worker, so it is the API's clock, never the producer's: a
/// device with a wrong clock cannot make its update win (or lose) for ever. Producers that need order send updates
/// one after another, waiting for each 202.
/// </remarks>
internal sealed class ProfileWrite : WriteEndpoint
{
    public override ApiOperation Operation => ApiOperation.ProfilesWrite;

    public override PreparedWrite Prepare(ReadOnlySpan<byte> body, EventStamp stamp, IngestApiOptions options)
    {
        if (!TryParse(body, EventJsonContext.Default.ProfileUpdated, out var profile, out var problem))
        {
            return PreparedWrite.Fail(problem!);
        }

        var errors = EventValidator.ValidateProfile(profile!);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var id = stamp.NewId();
        return Single(id, EventWriter.Serialize(EventWriter.ProfileUpdated(profile!, stamp.Source, id, stamp.Time)));
    }
}
