using GymCoach.Contracts.Validation;

namespace GymCoach.Cli.Terminal;

/// <summary>Producer-supplied text as the CLI prints it: control, bidi and invisible characters shown as <c>\u001B</c>-style escapes.</summary>
/// <remarks>
/// Ids, reasons and bodies in the queues come from producers; printed raw, an <c>ESC[2J</c> in a workout id would
/// clear the operator's screen and a U+202E would make a line read backwards. Uses the escaping of
/// <see cref="ProducerText"/>, so the CLI and the workers' reasons agree on what is shown plainly.
/// </remarks>
internal static class TerminalText
{
    /// <summary>One line: every line break is escaped too.</summary>
    public static string Line(string? text) => ProducerText.Escape(text);

    /// <summary>Several lines: <c>\n</c> breaks the lines as it should; anything else, <c>\r</c> included, is escaped.</summary>
    public static string Lines(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : string.Join('\n', text.Split('\n').Select(ProducerText.Escape));
}
