namespace GymCoach.Workers.Logging;

/// <summary>Stands in for a logged exception whose text held sensitive data: same text, scrubbed.</summary>
internal sealed class ScrubbedException : Exception
{
    private readonly string _text;

    private ScrubbedException(string message, string text)
        : base(message)
    {
        _text = text;
    }

    /// <summary>The exception itself when its text is clean, else a stand-in with the scrubbed text.</summary>
    public static Exception? Wrap(Exception? exception)
    {
        if (exception is null)
        {
            return null;
        }

        var text = exception.ToString();
        var scrubbed = SensitiveData.Scrub(text);
        return ReferenceEquals(text, scrubbed) ? exception : new ScrubbedException(SensitiveData.Scrub(exception.Message), scrubbed);
    }

    public override string ToString() => _text;
}
