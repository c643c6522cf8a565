using System.Text.Encodings.Web;
using System.Text.Json;
using GymCoach.Workers.Metrics;

namespace GymCoach.Cli.Reports.Dashboards;

/// <summary>Generates infrastructure/alarms.json: <c>AWS::CloudWatch::Alarm</c> resources, by logical id, for the template's <c>Resources</c>.</summary>
/// <remarks>
/// Names with the stage are <c>{"Fn::Sub": "…${Stage}…"}</c>, so the fragment can be merged into the template as it is.
/// Per worker queue: the dead-letter queue is not empty, the oldest message is older than
/// <see cref="OldestMessageAgeThresholdSeconds"/>, and more than <see cref="FailureRateThresholdPercent"/> % of received
/// messages failed or were dead-lettered (metric math). Per worker function: any AWS/Lambda <c>Errors</c> or
/// <c>Throttles</c>, since a crashed, timed-out or throttled invocation emits none of the workers' own metrics (and
/// missing data keeps the failure-rate alarm quiet). Every alarm notifies the template's <see cref="AlarmTopic"/>.
/// For the ingest API's function: p95 <c>ApiLatency</c> above <see cref="ApiP95ThresholdMs"/> ms, and any AWS/Lambda
/// <c>Errors</c> or <c>Throttles</c> (a client then gets a 502 or 429 from the function URL, not the API's answer).
/// </remarks>
internal static class AlarmGenerator
{
    /// <summary>15 minutes: over the 5 receives × 190 s visibility a retried message may legitimately wait, so sustained age means a stuck worker.</summary>
    public const int OldestMessageAgeThresholdSeconds = 900;

    public const double FailureRateThresholdPercent = 1;

    public const int ApiP95ThresholdMs = 200;

    /// <summary>The logical id of the template's SNS topic that every alarm notifies.</summary>
    public const string AlarmTopic = "AlarmTopic";

    /// <summary>AWS/Lambda metrics alarmed on at the first occurrence in 5 minutes: each one retries a whole batch or delays it.</summary>
    private static readonly (string Metric, string Meaning)[] LambdaMetrics =
    [
        ("Errors", "invocations failed (threw, crashed or timed out), so their whole batches are retried"),
        ("Throttles", "invocations were throttled (account or function concurrency), so its queue is drained late"),
    ];

    public static string Generate()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            foreach (var worker in InfraNames.Workers)
            {
                DeadLetterQueueNotEmpty(json, worker);
                OldestMessageAge(json, worker);
                FailureRate(json, worker);
                foreach (var (metric, meaning) in LambdaMetrics)
                {
                    LambdaMetric(json, worker, metric, meaning);
                }
            }

            ApiLatency(json);
            ApiLambdaMetric(json, "Errors", "invocations failed (crashed, timed out or got no function URL event), so clients got 502 instead of the API's answer");
            ApiLambdaMetric(json, "Throttles", "requests were throttled (account or function concurrency), so clients got 429 from the function URL");
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void DeadLetterQueueNotEmpty(Utf8JsonWriter json, WorkerNames worker)
    {
        StartAlarm(json, $"{worker.Title}DeadLetterQueueNotEmptyAlarm", $"gymcoach-${{Stage}}-{worker.Label}-dlq-not-empty",
            $"Messages are waiting in {worker.DeadLetterQueue}: inspect them with 'gymcoach dlq list --queue {worker.Label} --backend aws', fix the cause, then 'gymcoach dlq redrive --queue {worker.Label} --backend aws'.");
        SingleMetric(json, InfraNames.SqsNamespace, "ApproximateNumberOfMessagesVisible", [("QueueName", worker.DeadLetterQueue)], "Maximum");
        Evaluation(json, period: 60, periods: 1, datapoints: 1, threshold: 1, "GreaterThanOrEqualToThreshold");
        EndAlarm(json);
    }

    private static void OldestMessageAge(Utf8JsonWriter json, WorkerNames worker)
    {
        StartAlarm(json, $"{worker.Title}QueueOldestMessageAgeAlarm", $"gymcoach-${{Stage}}-{worker.Label}-oldest-message-age",
            $"The oldest message of {worker.Queue} has waited over {OldestMessageAgeThresholdSeconds} s for 5 minutes: the {worker.Label} worker is stuck or too slow.");
        SingleMetric(json, InfraNames.SqsNamespace, "ApproximateAgeOfOldestMessage", [("QueueName", worker.Queue)], "Maximum");
        Evaluation(json, period: 60, periods: 5, datapoints: 5, threshold: OldestMessageAgeThresholdSeconds, "GreaterThanThreshold");
        EndAlarm(json);
    }

    private static void FailureRate(Utf8JsonWriter json, WorkerNames worker)
    {
        StartAlarm(json, $"{worker.Title}FailureRateAlarm", $"gymcoach-${{Stage}}-{worker.Label}-failure-rate",
            $"Over {FailureRateThresholdPercent} % of the messages the {worker.Label} worker received in 5 minutes failed or were dead-lettered.");
        json.WriteStartArray("Metrics");
        json.WriteStartObject();
        json.WriteString("Id", "failureRate");
        json.WriteString("Label", "failed or dead-lettered (%)");
        json.WriteString("Expression", "IF(received > 0, 100 * (FILL(failed, 0) + FILL(deadLettered, 0)) / received, 0)");
        json.WriteBoolean("ReturnData", true);
        json.WriteEndObject();
        MetricQuery(json, "received", MetricCatalogue.MessagesReceived, worker);
        MetricQuery(json, "failed", MetricCatalogue.MessagesFailed, worker);
        MetricQuery(json, "deadLettered", MetricCatalogue.MessagesDeadLettered, worker);
        json.WriteEndArray();
        Evaluation(json, period: null, periods: 1, datapoints: 1, threshold: FailureRateThresholdPercent, "GreaterThanThreshold");
        EndAlarm(json);
    }

    private static void LambdaMetric(Utf8JsonWriter json, WorkerNames worker, string metric, string meaning)
    {
        StartAlarm(json, $"{worker.Title}Function{metric}Alarm", $"gymcoach-${{Stage}}-{worker.Label}-function-{metric.ToLowerInvariant()}",
            $"In the last 5 minutes {worker.Function}'s {meaning}: see its log group /aws/lambda/{worker.Function}.");
        SingleMetric(json, InfraNames.LambdaNamespace, metric, [(MetricDimensions.FunctionName, worker.Function)], "Sum");
        Evaluation(json, period: 300, periods: 1, datapoints: 1, threshold: 1, "GreaterThanOrEqualToThreshold");
        EndAlarm(json);
    }

    private static void ApiLatency(Utf8JsonWriter json)
    {
        StartAlarm(json, "ApiLatencyP95Alarm", "gymcoach-${Stage}-api-latency-p95",
            $"The ingest API's p95 latency was over {ApiP95ThresholdMs} ms in 3 of the last 5 minutes.");
        SingleMetric(json, MetricCatalogue.Namespace, MetricCatalogue.ApiLatency.Name, [(MetricDimensions.FunctionName, InfraNames.ApiFunction)], statistic: null);
        json.WriteString("ExtendedStatistic", "p95");
        Evaluation(json, period: 60, periods: 5, datapoints: 3, threshold: ApiP95ThresholdMs, "GreaterThanThreshold");
        EndAlarm(json);
    }

    private static void ApiLambdaMetric(Utf8JsonWriter json, string metric, string meaning)
    {
        StartAlarm(json, $"ApiFunction{metric}Alarm", $"gymcoach-${{Stage}}-api-function-{metric.ToLowerInvariant()}",
            $"In the last 5 minutes {InfraNames.ApiFunction}'s {meaning}: see its log group /aws/lambda/{InfraNames.ApiFunction}.");
        SingleMetric(json, InfraNames.LambdaNamespace, metric, [(MetricDimensions.FunctionName, InfraNames.ApiFunction)], "Sum");
        Evaluation(json, period: 300, periods: 1, datapoints: 1, threshold: 1, "GreaterThanOrEqualToThreshold");
        EndAlarm(json);
    }

    private static void StartAlarm(Utf8JsonWriter json, string logicalId, string name, string description)
    {
        json.WriteStartObject(logicalId);
        json.WriteString("Type", "AWS::CloudWatch::Alarm");
        json.WriteStartObject("Properties");
        WriteSub(json, "AlarmName", name);
        WriteSub(json, "AlarmDescription", description);
    }

    private static void EndAlarm(Utf8JsonWriter json)
    {
        json.WriteString("TreatMissingData", "notBreaching");
        json.WriteStartArray("AlarmActions");
        json.WriteStartObject();
        json.WriteString("Ref", AlarmTopic);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void SingleMetric(Utf8JsonWriter json, string ns, string name, (string Name, string Value)[] dimensions, string? statistic)
    {
        json.WriteString("Namespace", ns);
        json.WriteString("MetricName", name);
        WriteDimensions(json, dimensions);
        if (statistic is not null)
        {
            json.WriteString("Statistic", statistic);
        }
    }

    private static void MetricQuery(Utf8JsonWriter json, string id, MetricDefinition metric, WorkerNames worker)
    {
        json.WriteStartObject();
        json.WriteString("Id", id);
        json.WriteStartObject("MetricStat");
        json.WriteStartObject("Metric");
        json.WriteString("Namespace", MetricCatalogue.Namespace);
        json.WriteString("MetricName", metric.Name);
        WriteDimensions(json, [(MetricDimensions.FunctionName, worker.Function), (MetricDimensions.QueueName, worker.Queue)]);
        json.WriteEndObject();
        json.WriteNumber("Period", 300);
        json.WriteString("Stat", "Sum");
        json.WriteEndObject();
        json.WriteBoolean("ReturnData", false);
        json.WriteEndObject();
    }

    private static void Evaluation(Utf8JsonWriter json, int? period, int periods, int datapoints, double threshold, string comparison)
    {
        if (period is not null)
        {
            json.WriteNumber("Period", period.Value);
        }

        json.WriteNumber("EvaluationPeriods", periods);
        json.WriteNumber("DatapointsToAlarm", datapoints);
        json.WriteNumber("Threshold", threshold);
        json.WriteString("ComparisonOperator", comparison);
    }

    private static void WriteDimensions(Utf8JsonWriter json, (string Name, string Value)[] dimensions)
    {
        json.WriteStartArray("Dimensions");
        foreach (var (name, value) in dimensions)
        {
            json.WriteStartObject();
            json.WriteString("Name", name);
            WriteSub(json, "Value", value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>A string with <c>${…}</c> placeholders as <c>{"Fn::Sub": …}</c>; a plain string otherwise.</summary>
    private static void WriteSub(Utf8JsonWriter json, string name, string value)
    {
        if (!value.Contains("${", StringComparison.Ordinal))
        {
            json.WriteString(name, value);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("Fn::Sub", value);
        json.WriteEndObject();
    }
}
