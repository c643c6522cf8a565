using Serilog;
using Serilog.Events;

namespace GymCoach.Cli.Hosting;

/// <summary>Readable logs on standard error, so standard output stays the command's result.</summary>
internal static class CliLogging
{
    public static ILogger Create(bool verbose) =>
        new LoggerConfiguration()
            .MinimumLevel.Is(verbose ? LogEventLevel.Information : LogEventLevel.Error)
            .WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateLogger();
}
