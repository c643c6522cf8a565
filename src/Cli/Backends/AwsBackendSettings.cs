using GymCoach.Workers.Queueing;
using GymCoach.Workers.Storage;

namespace GymCoach.Cli.Backends;

/// <summary>Where the deployed stack's queues and table are, by name; credentials and region come from the standard AWS chain.</summary>
/// <remarks>
/// With <c>GYMCOACH_STAGE</c> set, names carry the stage as the template makes them (<c>gymcoach-writes-dev</c>,
/// <c>gymcoach-writes-dev-dlq</c>, table <c>gymcoach-dev</c>); each name can also be given outright.
/// </remarks>
internal sealed record AwsBackendSettings(string WritesQueue, string WritesDeadLetterQueue, string AnalyticsQueue, string AnalyticsDeadLetterQueue, string TableName, string? Region)
{
    public static AwsBackendSettings FromEnvironment()
    {
        var stage = Environment.GetEnvironmentVariable("GYMCOACH_STAGE");
        string Named(string variable, string baseName) =>
            Environment.GetEnvironmentVariable(variable) is { Length: > 0 } name ? name : string.IsNullOrEmpty(stage) ? baseName : $"{baseName}-{stage}";

        var writes = Named("GYMCOACH_WRITES_QUEUE", QueueDefinitions.Writes.Name);
        var analytics = Named("GYMCOACH_ANALYTICS_QUEUE", QueueDefinitions.Analytics.Name);
        return new AwsBackendSettings(
            writes,
            Environment.GetEnvironmentVariable("GYMCOACH_WRITES_DLQ") is { Length: > 0 } writesDlq ? writesDlq : writes + "-dlq",
            analytics,
            Environment.GetEnvironmentVariable("GYMCOACH_ANALYTICS_DLQ") is { Length: > 0 } analyticsDlq ? analyticsDlq : analytics + "-dlq",
            Named("GYMCOACH_TABLE_NAME", TableDefinition.TableName),
            Environment.GetEnvironmentVariable("AWS_REGION"));
    }
}
