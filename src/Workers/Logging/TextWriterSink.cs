using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace GymCoach.Workers.Logging;

/// <summary>Writes each event, formatted, to a <see cref="TextWriter"/> in one call, so lines of concurrent events never interleave.</summary>
internal sealed class TextWriterSink(ITextFormatter formatter, TextWriter output) : ILogEventSink
{
    private readonly Lock _lock = new();

    public void Emit(LogEvent logEvent)
    {
        using var buffer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        formatter.Format(logEvent, buffer);
        var text = buffer.ToString();
        lock (_lock)
        {
            output.Write(text);
            output.Flush();
        }
    }
}
