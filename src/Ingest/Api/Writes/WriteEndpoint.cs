using System.Text.Json;
using GymCoach.Contracts.Events;
using GymCoach.Contracts.Validation;
using GymCoach.Ingest.Api.Parsing;
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

    /// <summary>Reads the body and checks its data; every invalid field, JSON-level or by the rules, goes into one 400 problem.</summary>
    /// <param name="rules">The data rules, run on the object read (with stand-ins for broken values, whose errors the shape already named).</param>
    protected static bool TryRead<T>(
        BodyShape<T> shape, ReadOnlySpan<byte> body, Func<T, IReadOnlyList<ValidationError>> rules, out T? value, out PreparedWrite? failure)
        where T : class
    {
        // The fast path, as most requests are valid: one read by the serializer and the rules.
        value = shape.TryReadFast(body);
        if (value is not null && rules(value).Count == 0)
        {
            failure = null;
            return true;
        }

        // Something is wrong: read again against the contract's shape, to name every bad field at once.
        var read = shape.Read(body);
        value = null;
        if (read.Problem is { } problem)
        {
            failure = PreparedWrite.Fail(problem);
            return false;
        }

        var errors = FieldErrors.Merge(read.Errors, read.Value is null ? [] : rules(read.Value));
        if (errors.Count > 0 || read.Value is null)
        {
            failure = Invalid(errors.Count > 0 ? errors : [new ValidationError("$", "must be a JSON object, was null")]);
            return false;
        }

        value = read.Value;
        failure = null;
        return true;
    }

    protected static PreparedWrite Single(string eventId, string body) =>
        PreparedWrite.Accept([body], JsonSerializer.SerializeToUtf8Bytes(new AcceptedEvent(eventId), IngestJsonContext.Default.AcceptedEvent));

    protected static PreparedWrite Invalid(IReadOnlyList<ValidationError> errors) => PreparedWrite.Fail(Problem.InvalidFields(errors));
}
