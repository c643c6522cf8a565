using GymCoach.Workers.Logging;
using Serilog;
using Serilog.Events;

namespace GymCoach.Cli.Hosting;

/// <summary>The CLI's logs: readable lines on standard error (standard output stays the command's result), or compact JSON on standard output for a log collector.</summary>
internal static class CliLogging
{
    public static ILogger Create(bool verbose, LogFormat format = LogFormat.Readable) =>
        GymCoachLogging.Create(
            format,
            format == LogFormat.Json ? System.Console.Out : System.Console.Error,
            verbose || format == LogFormat.Json ? LogEventLevel.Information : LogEventLevel.Error);
}
