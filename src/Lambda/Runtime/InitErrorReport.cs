using GymCoach.Workers.Logging;
using Serilog.Events;

namespace GymCoach.Lambda.Runtime;

/// <summary>What every GymCoach bootstrap does when its function cannot start: log it, and tell the Runtime API why.</summary>
public static class InitErrorReport
{
    /// <summary>Logs <paramref name="exception"/> and posts it as the init error; a Runtime API that fails too is logged, not thrown.</summary>
    /// <param name="logOutput">Where the JSON log lines go, through the redacting setup every host shares.</param>
    public static async Task PostAsync(RuntimeApiClient client, Exception exception, TextWriter logOutput, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(exception);
        var functionErrorType = exception is RuntimeInitException init ? init.FunctionErrorType : RuntimeErrorTypes.UnknownReason;
        var logger = GymCoachLogging.CreateForLambda(LogEventLevel.Information, logOutput);
        logger.Fatal(exception, "Initialization failed ({FunctionErrorType})", functionErrorType);
        try
        {
            await client.PostInitErrorAsync(RuntimeError.FromException(functionErrorType, exception), cancellationToken);
        }
        catch (Exception ex) when (ex is RuntimeApiException or HttpRequestException or OperationCanceledException)
        {
            logger.Fatal(ex, "Reporting the init error to the runtime API failed");
        }
    }
}
