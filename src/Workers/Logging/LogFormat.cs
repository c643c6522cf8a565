namespace GymCoach.Workers.Logging;

/// <summary>How log events are written.</summary>
public enum LogFormat
{
    /// <summary>One readable line per event, for a terminal.</summary>
    Readable,

    /// <summary>Compact JSON (CLEF), one object per line: for Lambda and <c>--log-format json</c>.</summary>
    Json,
}
