namespace GymCoach.Producer.Tests.Support;

/// <summary>The system clock moved by a fixed offset: a producer device whose clock is wrong.</summary>
internal sealed class ShiftedClock(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
}
