namespace GymCoach.Lambda.Tests.Support;

/// <summary>Environment variable sets for the bootstrap's configuration.</summary>
internal static class Variables
{
    public static Dictionary<string, string> Embedded(string handler = "writes") => new(StringComparer.Ordinal)
    {
        ["_HANDLER"] = handler,
        ["GYMCOACH_BACKEND"] = "embedded",
    };

    public static Dictionary<string, string> AwsWrites() => new(StringComparer.Ordinal)
    {
        ["_HANDLER"] = "writes",
        ["GYMCOACH_BACKEND"] = "aws",
        ["AWS_REGION"] = "eu-west-1",
        ["GYMCOACH_TABLE_NAME"] = "gymcoach",
        ["GYMCOACH_ANALYTICS_QUEUE_URL"] = "https://sqs.eu-west-1.amazonaws.com/123456789012/gymcoach-analytics",
        ["GYMCOACH_WRITES_DLQ_URL"] = "https://sqs.eu-west-1.amazonaws.com/123456789012/gymcoach-writes-dlq",
    };

    public static Func<string, string?> Reader(IReadOnlyDictionary<string, string> variables) =>
        name => variables.TryGetValue(name, out var value) ? value : null;
}
