using GymCoach.Workers.Queueing;

namespace GymCoach.Cli.Reports.Dashboards;

/// <summary>The deployed names the dashboard and alarms refer to, with <c>${Stage}</c> and <c>${AWS::Region}</c> left for the template's <c>Fn::Sub</c>.</summary>
/// <remarks>
/// Queue names follow the template and <c>AwsBackendSettings</c> (<c>gymcoach-writes-${Stage}</c>, its DLQ
/// <c>gymcoach-writes-${Stage}-dlq</c>); the <c>FunctionName</c> dimension is the Lambda function's name, so the
/// template must name the functions as below.
/// </remarks>
internal static class InfraNames
{
    public const string Region = "${AWS::Region}";

    /// <summary>The stage, which every deployed function's name ends with.</summary>
    public const string Stage = "${Stage}";

    // The deployed queues are the queue definitions with the stage appended, their dead-letter queues named by the same rule.
    public static readonly string WritesQueue = Staged(QueueDefinitions.Writes).Name;
    public static readonly string WritesDeadLetterQueue = Staged(QueueDefinitions.Writes).DeadLetterName!;
    public static readonly string AnalyticsQueue = Staged(QueueDefinitions.Analytics).Name;
    public static readonly string AnalyticsDeadLetterQueue = Staged(QueueDefinitions.Analytics).DeadLetterName!;

    public const string WritesFunction = "gymcoach-writes-worker-${Stage}";
    public const string AnalyticsFunction = "gymcoach-analytics-worker-${Stage}";

    /// <summary>The ingest API's function behind its function URL.</summary>
    public const string ApiFunction = "gymcoach-api-${Stage}";

    public const string SqsNamespace = "AWS/SQS";

    public const string LambdaNamespace = "AWS/Lambda";

    /// <summary>The two worker pipelines: label, function, queue and dead-letter queue.</summary>
    public static IReadOnlyList<WorkerNames> Workers { get; } =
    [
        new("writes", "Writes", WritesFunction, WritesQueue, WritesDeadLetterQueue),
        new("analytics", "Analytics", AnalyticsFunction, AnalyticsQueue, AnalyticsDeadLetterQueue),
    ];

    private static QueueDefinition Staged(QueueDefinition queue) => queue with { Name = queue.Name + "-" + Stage };
}
