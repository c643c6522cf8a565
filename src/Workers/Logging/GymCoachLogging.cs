using System.Globalization;
using Serilog;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace GymCoach.Workers.Logging;

/// <summary>The one Serilog setup of every GymCoach process: compact JSON for Lambda and <c>--log-format json</c>, readable lines otherwise.</summary>
/// <remarks>
/// Every logger made here redacts API keys, credentials and personal data (display names, bodyweight) last, after all
/// enrichment (<see cref="RedactingSink"/>). Properties follow <see cref="LogProperties"/>.
/// </remarks>
public static class GymCoachLogging
{
    /// <summary>The readable line: time, level, message, properties in the template only, then the exception.</summary>
    public const string ReadableTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";

    /// <summary>The logger for a worker or API running in Lambda: compact JSON, Information and up by default.</summary>
    /// <param name="output">Standard output in Lambda, which CloudWatch Logs collects; null for <see cref="Console.Out"/>.</param>
    public static Serilog.Core.Logger CreateForLambda(LogEventLevel minimumLevel = LogEventLevel.Information, TextWriter? output = null) =>
        Create(LogFormat.Json, output ?? Console.Out, minimumLevel);

    /// <param name="output">Where lines go: standard output in Lambda; standard error for a CLI whose output is its result.</param>
    public static Serilog.Core.Logger Create(LogFormat format, TextWriter output, LogEventLevel minimumLevel = LogEventLevel.Information) =>
        Configure(new LoggerConfiguration(), format, output, minimumLevel).CreateLogger();

    /// <summary>Applies the format, level and redaction to <paramref name="configuration"/>, for a host that adds more to it.</summary>
    public static LoggerConfiguration Configure(
        LoggerConfiguration configuration,
        LogFormat format,
        TextWriter output,
        LogEventLevel minimumLevel = LogEventLevel.Information)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(output);
        ITextFormatter formatter = format == LogFormat.Json
            ? new CompactJsonFormatter()
            : new MessageTemplateTextFormatter(ReadableTemplate, CultureInfo.InvariantCulture);
        return configuration
            .MinimumLevel.Is(minimumLevel)
            .WriteTo.Sink(new RedactingSink(new TextWriterSink(formatter, output)));
    }

    /// <summary>Reads a <c>--log-format</c> value: <c>json</c> or <c>text</c> (case-insensitive).</summary>
    public static bool TryParseFormat(string? value, out LogFormat format)
    {
        switch (value?.ToLowerInvariant())
        {
            case "json":
                format = LogFormat.Json;
                return true;
            case "text":
            case "readable":
                format = LogFormat.Readable;
                return true;
            default:
                format = LogFormat.Readable;
                return false;
        }
    }
}
