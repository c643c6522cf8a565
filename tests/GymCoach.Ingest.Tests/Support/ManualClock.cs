namespace GymCoach.Ingest.Tests.Support;

/// <summary>A clock that starts at the real time and moves only when told, for leases and expiry.</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
