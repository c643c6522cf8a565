namespace GymCoach.Ingest.Api.Writes;

/// <summary>What the API puts on every event of one request: the producer as <c>source</c>, the request time, fresh ids.</summary>
internal readonly record struct EventStamp(string Source, DateTimeOffset Time)
{
    /// <summary>A version 7 (time-ordered) UUID: unique, and sorts by when the API accepted the event.</summary>
    public string NewId() => Guid.CreateVersion7(Time).ToString();
}
