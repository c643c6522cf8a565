namespace GymCoach.Workers.Tests.Support;

/// <summary>A <see cref="Random"/> whose <see cref="NextDouble"/> returns the given values in turn, the last one from then on.</summary>
public sealed class ScriptedRandom(params double[] values) : Random
{
    private int _next;

    public override double NextDouble() => values[Math.Min(Interlocked.Increment(ref _next) - 1, values.Length - 1)];
}
