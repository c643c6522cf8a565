using System.Text.Json;

namespace GymCoach.Contracts.Events;

/// <summary>Builds and serializes CloudEvents for SQS message bodies, with source-generated JSON only.</summary>
/// <remarks>Nothing here validates the data: producers call <see cref="Validation.EventValidator"/> first.</remarks>
public static class EventWriter
{
    /// <summary>The <c>datacontenttype</c> of every GymCoach event.</summary>
    public const string JsonContentType = "application/json";

    public static string Serialize(CloudEvent<WorkoutLogged> cloudEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        return JsonSerializer.Serialize(cloudEvent, EventJsonContext.Default.CloudEventWorkoutLogged);
    }

    public static string Serialize(CloudEvent<ProfileUpdated> cloudEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        return JsonSerializer.Serialize(cloudEvent, EventJsonContext.Default.CloudEventProfileUpdated);
    }

    public static string Serialize(CloudEvent<AnalyticsRecomputeRequested> cloudEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        return JsonSerializer.Serialize(cloudEvent, EventJsonContext.Default.CloudEventAnalyticsRecomputeRequested);
    }

    /// <summary>Wraps workout data in a <c>gymcoach.workout.logged.v1</c> envelope.</summary>
    /// <param name="source">Who produced the event, for example <c>/ingest-api</c>.</param>
    /// <param name="id">Unique per event from this source; consumers use it to drop duplicates.</param>
    public static CloudEvent<WorkoutLogged> WorkoutLogged(WorkoutLogged data, string source, string id, DateTimeOffset time) =>
        Create(EventTypes.WorkoutLogged, data, source, id, time);

    /// <summary>Wraps profile data in a <c>gymcoach.profile.updated.v1</c> envelope.</summary>
    public static CloudEvent<ProfileUpdated> ProfileUpdated(ProfileUpdated data, string source, string id, DateTimeOffset time) =>
        Create(EventTypes.ProfileUpdated, data, source, id, time);

    /// <summary>Wraps a recompute request in a <c>gymcoach.analytics.recompute.v1</c> envelope.</summary>
    public static CloudEvent<AnalyticsRecomputeRequested> AnalyticsRecompute(
        AnalyticsRecomputeRequested data, string source, string id, DateTimeOffset time) =>
        Create(EventTypes.AnalyticsRecompute, data, source, id, time);

    private static CloudEvent<TData> Create<TData>(string type, TData data, string source, string id, DateTimeOffset time)
        where TData : class
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return new CloudEvent<TData>
        {
            SpecVersion = CloudEvent<TData>.SpecVersion10,
            Id = id,
            Source = source,
            Type = type,
            Time = time,
            DataContentType = JsonContentType,
            Data = data,
        };
    }
}
