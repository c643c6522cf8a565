using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GymCoach.Contracts.Events;
using GymCoach.Contracts.Validation;
using GymCoach.Ingest.Api.Problems;
using GymCoach.Ingest.Api.Security;

namespace GymCoach.Ingest.Api.Writes;

/// <summary>One POST endpoint's part of a write: what it needs, where its events go, and how a body becomes CloudEvents.</summary>
internal abstract class WriteEndpoint
{
    public abstract ApiOperation Operation { get; }

    public virtual EventQueue Queue => EventQueue.Writes;

    /// <summary>Whether the body falls under <see cref="IngestApiOptions.MaxBatchBodyBytes"/> rather than the single-event limit.</summary>
    public virtual bool IsBatch => false;

    /// <summary>Parses and validates the body and wraps its data in CloudEvents, or returns the problem with it.</summary>
    public abstract PreparedWrite Prepare(ReadOnlySpan<byte> body, EventStamp stamp, IngestApiOptions options);

    /// <summary>Deserializes the body; a JSON-level error or a JSON <c>null</c> becomes a 400 problem.</summary>
    protected static bool TryParse<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> typeInfo, out T? value, out ProblemResult? problem)
        where T : class
    {
        try
        {
            value = JsonSerializer.Deserialize(body, typeInfo);
        }
        catch (JsonException exception)
        {
            value = null;
            problem = JsonErrorDescriber.Describe(exception);
            return false;
        }

        problem = value is null ? Problem.MalformedJson("$", "must be a JSON object, was null", 1, 1) : null;
        return value is not null;
    }

    protected static PreparedWrite Single(string eventId, string body) =>
        PreparedWrite.Accept([body], JsonSerializer.SerializeToUtf8Bytes(new AcceptedEvent(eventId), IngestJsonContext.Default.AcceptedEvent));

    protected static PreparedWrite Invalid(IReadOnlyList<ValidationError> errors) => PreparedWrite.Fail(Problem.InvalidFields(errors));
}
