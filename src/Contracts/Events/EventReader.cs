using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GymCoach.Contracts.Validation;

namespace GymCoach.Contracts.Events;

/// <summary>Reads CloudEvents from SQS message bodies and rejects anything that can never be processed.</summary>
/// <remarks>
/// Every failure is an <see cref="InvalidEventException"/> whose message is a one-line reason fit for the
/// dead-letter queue. A leading byte order mark is ignored. Validation errors keep the field paths of
/// <see cref="EventValidator"/>: envelope attributes by name (<c>specversion</c>, <c>data</c>), data fields relative
/// to <c>data</c> (<c>exercises[0].sets[1].reps</c>).
/// </remarks>
public static class EventReader
{
    /// <summary>Returns the event's <c>type</c> without deserializing <c>data</c>, to pick the handler.</summary>
    /// <exception cref="InvalidEventException">
    /// The body is empty or not well-formed JSON, has no <c>type</c>, or the type or its version is unknown.
    /// </exception>
    public static string ReadType(string body)
    {
        var json = EventBody.Normalize(body);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetByteCount(json));
        string? type;
        try
        {
            var length = Encoding.UTF8.GetBytes(json, buffer);
            type = EventTypeScanner.FindType(buffer.AsSpan(0, length));
        }
        catch (JsonException exception)
        {
            throw EventJsonFailure.Wrap(exception);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (type is null)
        {
            throw new InvalidEventException("event has no 'type'");
        }

        return EventTypes.IsKnown(type) ? type : throw new InvalidEventException($"unknown event type '{ProducerText.Echo(type)}'");
    }

    /// <summary>Reads and validates a <c>gymcoach.workout.logged.v1</c> event.</summary>
    /// <param name="now">The current time; the workout may be dated at most one day after it.</param>
    /// <exception cref="InvalidEventException">The event is malformed, of another type, or invalid; see <see cref="InvalidEventException.Errors"/>.</exception>
    public static CloudEvent<WorkoutLogged> ReadWorkoutLogged(string body, DateTimeOffset now) =>
        Read(body, EventTypes.WorkoutLogged, EventJsonContext.Default.CloudEventWorkoutLogged,
            data => EventValidator.ValidateWorkout(data, now));

    /// <summary>Reads and validates a <c>gymcoach.profile.updated.v1</c> event.</summary>
    /// <exception cref="InvalidEventException">The event is malformed, of another type, or invalid; see <see cref="InvalidEventException.Errors"/>.</exception>
    public static CloudEvent<ProfileUpdated> ReadProfileUpdated(string body) =>
        Read(body, EventTypes.ProfileUpdated, EventJsonContext.Default.CloudEventProfileUpdated,
            EventValidator.ValidateProfile);

    /// <summary>Reads and validates a <c>gymcoach.analytics.recompute.v1</c> event.</summary>
    /// <exception cref="InvalidEventException">The event is malformed, of another type, or invalid; see <see cref="InvalidEventException.Errors"/>.</exception>
    public static CloudEvent<AnalyticsRecomputeRequested> ReadAnalyticsRecompute(string body) =>
        Read(body, EventTypes.AnalyticsRecompute, EventJsonContext.Default.CloudEventAnalyticsRecomputeRequested,
            EventValidator.ValidateRecompute);

    private static CloudEvent<TData> Read<TData>(
        string body,
        string expectedType,
        JsonTypeInfo<CloudEvent<TData>> typeInfo,
        Func<TData, IReadOnlyList<ValidationError>> validateData)
    {
        // The cheap scan first: a body of another type would otherwise fail on its data fields with a confusing message.
        var type = ReadType(body);
        if (type != expectedType)
        {
            throw new InvalidEventException($"expected event type '{expectedType}', was '{type}'");
        }

        CloudEvent<TData>? cloudEvent;
        try
        {
            cloudEvent = JsonSerializer.Deserialize(EventBody.Normalize(body), typeInfo);
        }
        catch (JsonException exception)
        {
            throw EventJsonFailure.Wrap(exception);
        }

        if (cloudEvent is null)
        {
            throw new InvalidEventException("event is JSON null");
        }

        var errors = EventValidator.ValidateEnvelope(cloudEvent);
        if (cloudEvent.Data is not null)
        {
            errors = [.. errors, .. validateData(cloudEvent.Data)];
        }

        return errors.Count == 0
            ? cloudEvent
            : throw new InvalidEventException(ValidationSummary.Format($"{expectedType} event", errors), errors);
    }
}
