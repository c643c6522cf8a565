using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace GymCoach.Lambda.Hosting;

/// <summary>Compact JSON log lines (<c>@t</c>, <c>@mt</c>, <c>@l</c>, properties), one per event, as CloudWatch Logs Insights reads them.</summary>
internal static class LambdaLogging
{
    public static ILogger Create(LogEventLevel level, TextWriter output) =>
        new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .WriteTo.Sink(new JsonLinesSink(new CompactJsonFormatter(), output))
            .CreateLogger();
}
