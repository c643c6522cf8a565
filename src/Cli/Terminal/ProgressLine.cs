namespace GymCoach.Cli.Terminal;

/// <summary>Writes a live progress line: redrawn in place on a terminal, a plain line every few seconds otherwise (logs, CI).</summary>
internal sealed class ProgressLine(TextWriter output, bool interactive)
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);
    private DateTimeOffset _lastPlain = DateTimeOffset.MinValue;
    private int _lastLength;

    public static ProgressLine ForStandardError() =>
        new(System.Console.Error, !System.Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") is not null and not "dumb");

    public void Update(string text, bool force = false)
    {
        if (interactive)
        {
            var padding = _lastLength > text.Length ? new string(' ', _lastLength - text.Length) : string.Empty;
            output.Write($"\r{text}{padding}");
            _lastLength = text.Length;
            return;
        }

        var now = DateTimeOffset.UtcNow;
        if (force || now - _lastPlain >= PlainInterval)
        {
            output.WriteLine(text);
            _lastPlain = now;
        }
    }

    /// <summary>Ends the live line so the next output starts on a fresh line.</summary>
    public void Finish()
    {
        if (interactive && _lastLength > 0)
        {
            output.WriteLine();
            _lastLength = 0;
        }
    }
}
