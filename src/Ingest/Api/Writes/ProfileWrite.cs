using GymCoach.Contracts.Events;
using GymCoach.Contracts.Validation;
using GymCoach.Ingest.Api.Parsing;
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
    private readonly BodyShape<ProfileUpdated> _shape = new(EventJsonContext.Default.ProfileUpdated);

    public override ApiOperation Operation => ApiOperation.ProfilesWrite;

    public override PreparedWrite Prepare(ReadOnlySpan<byte> body, EventStamp stamp, IngestApiOptions options)
    {
        if (!TryRead(_shape, body, EventValidator.ValidateProfile, out var profile, out var failure))
        {
            return failure!;
        }

        var id = stamp.NewId();
        return Single(id, EventWriter.Serialize(EventWriter.ProfileUpdated(profile!, stamp.Source, id, stamp.Time)));
    }
}
