using GymCoach.Contracts.Events;
using GymCoach.Contracts.Validation;
using GymCoach.Ingest.Api.Security;

namespace GymCoach.Ingest.Api.Writes;

/// <summary><c>POST /v1/analytics/recompute</c>: asks the analytics worker to recompute one user, through the analytics queue.</summary>
internal sealed class RecomputeWrite : WriteEndpoint
{
    public override ApiOperation Operation => ApiOperation.AnalyticsRecompute;

    public override EventQueue Queue => EventQueue.Analytics;

    public override PreparedWrite Prepare(ReadOnlySpan<byte> body, EventStamp stamp, IngestApiOptions options)
    {
        if (!TryParse(body, EventJsonContext.Default.AnalyticsRecomputeRequested, out var request, out var problem))
        {
            return PreparedWrite.Fail(problem!);
        }

        var errors = EventValidator.ValidateRecompute(request!);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var id = stamp.NewId();
        return Single(id, EventWriter.Serialize(EventWriter.AnalyticsRecompute(request!, stamp.Source, id, stamp.Time)));
    }
}
