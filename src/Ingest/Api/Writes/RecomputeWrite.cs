using GymCoach.Contracts.Events;
using GymCoach.Contracts.Validation;
using GymCoach.Ingest.Api.Parsing;
using GymCoach.Ingest.Api.Security;

namespace GymCoach.Ingest.Api.Writes;

/// <summary><c>POST /v1/analytics/recompute</c>: asks the analytics worker to recompute one user, through the analytics queue.</summary>
internal sealed class RecomputeWrite : WriteEndpoint
{
    private readonly BodyShape<AnalyticsRecomputeRequested> _shape = new(EventJsonContext.Default.AnalyticsRecomputeRequested);

    public override ApiOperation Operation => ApiOperation.AnalyticsRecompute;

    public override EventQueue Queue => EventQueue.Analytics;

    public override PreparedWrite Prepare(ReadOnlySpan<byte> body, EventStamp stamp, IngestApiOptions options)
    {
        if (!TryRead(_shape, body, EventValidator.ValidateRecompute, out var request, out var failure))
        {
            return failure!;
        }

        var id = stamp.NewId();
        return Single(id, EventWriter.Serialize(EventWriter.AnalyticsRecompute(request!, stamp.Source, id, stamp.Time)));
    }
}
