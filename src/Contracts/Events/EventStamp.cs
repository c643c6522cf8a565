namespace GymCoach.Contracts.Events;

/// <summary>What a producer puts on every event it sends at one moment: its <c>source</c>, the time, and fresh ids.</summary>
/// <remarks>Shared by the ingest API and the producer client, so an event reads the same whichever way it reached the queue.</remarks>
/// <param name="Source">The CloudEvents <c>source</c>, for example <c>gymcoach/ingest/importer</c>.</param>
/// <param name="Time">The CloudEvents <c>time</c>: when the producer accepted the data.</param>
public readonly record struct EventStamp(string Source, DateTimeOffset Time)
{
    /// <summary>A version 7 (time-ordered) UUID: unique, and sorts by when the event was stamped.</summary>
    public string NewId() => Guid.CreateVersion7(Time).ToString();
}
