namespace GymCoach.Contracts.Validation;

/// <summary>Quotes producer-supplied text in messages, which end up in logs and dead-letter reasons.</summary>
internal static class ProducerText
{
    private const int MaxEchoedLength = 64;

    /// <summary>Shortens the value so a hostile or broken producer cannot blow up a log line or a reason attribute.</summary>
    public static string Echo(string value) =>
        value.Length <= MaxEchoedLength ? value : string.Concat(value.AsSpan(0, MaxEchoedLength), "…");
}
