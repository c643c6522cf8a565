using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace GymCoach.Lambda.Hosting;

/// <summary>Writes each event as one formatted line to a text writer (standard output in Lambda, which CloudWatch Logs collects).</summary>
internal sealed class JsonLinesSink(ITextFormatter formatter, TextWriter output) : ILogEventSink
{
    private readonly Lock _lock = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_lock)
        {
            formatter.Format(logEvent, output);
            output.Flush();
        }
    }
}
