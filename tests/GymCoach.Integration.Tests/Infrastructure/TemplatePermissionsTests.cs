using System.Text.Json;

namespace GymCoach.Integration.Tests.Infrastructure;

/// <summary>Least privilege and transport: each function's role allows only what its code calls, and no queue answers without TLS.</summary>
[Trait("Category", "Slow")]
public sealed class TemplatePermissionsTests
{
    // What each worker's code calls, by resource. The event source mapping receives, deletes and reads the source
    // queue's attributes with the role (it never changes visibility); the workers send in batches (sqs:SendMessage);
    // conditional writes go out as TransactWriteItems, authorised per item as dynamodb:PutItem, with a GetItem when a
    // refusal does not carry the stored item (a lone conditional write is a PutItem); the analytics worker also reads in
    // batches (BatchGetItem), reads its state (GetItem), queries a user's workouts for a rebuild (Query) and marks
    // the workouts it counted in unconditional batches (BatchWriteItem). The writes worker makes no unconditional batch write.
    // The API publishes to both queues (SendMessageBatch is authorised as sqs:SendMessage), reads the writes queue's
    // counts for GET /ready, writes idempotency claims conditionally (PutItem) and reads analytics and the readiness
    // probe (GetItem); it never receives or deletes a message.
    private static readonly string[] Consume = ["sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"];
    private static readonly string[] Logs = ["logs:CreateLogStream", "logs:PutLogEvents"];

    public static TheoryData<string, string[]> Roles => new()
    {
        {
            "WritesRole",
            [
                .. Logs.Select(a => a + " WritesLogGroup"),
                .. Consume.Select(a => a + " WritesQueue"),
                "sqs:SendMessage AnalyticsQueue",
                "sqs:SendMessage WritesDeadLetterQueue",
                "dynamodb:GetItem Table",
                "dynamodb:PutItem Table",
            ]
        },
        {
            "AnalyticsRole",
            [
                .. Logs.Select(a => a + " AnalyticsLogGroup"),
                .. Consume.Select(a => a + " AnalyticsQueue"),
                "sqs:SendMessage AnalyticsDeadLetterQueue",
                "dynamodb:BatchGetItem Table",
                "dynamodb:BatchWriteItem Table",
                "dynamodb:GetItem Table",
                "dynamodb:PutItem Table",
                "dynamodb:Query Table",
            ]
        },
        {
            "ApiRole",
            [
                .. Logs.Select(a => a + " ApiLogGroup"),
                "sqs:SendMessage WritesQueue",
                "sqs:SendMessage AnalyticsQueue",
                "sqs:GetQueueAttributes WritesQueue",
                "dynamodb:GetItem Table",
                "dynamodb:PutItem Table",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EachFunctionRole_AllowsExactlyWhatItsCodeCalls(string role, string[] expected)
    {
        using var template = await TemplateDocument.LoadAsync();
        var properties = template.RootElement.GetProperty("Resources").GetProperty(role).GetProperty("Properties");

        var granted = new List<string>();
        foreach (var policy in properties.GetProperty("Policies").EnumerateArray())
        {
            foreach (var statement in policy.GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray())
            {
                Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
                foreach (var action in TemplateDocument.OneOrMany(statement.GetProperty("Action")))
                {
                    foreach (var resource in TemplateDocument.OneOrMany(statement.GetProperty("Resource")))
                    {
                        granted.Add(action.GetString() + " " + resource.GetProperty("Fn::GetAtt")[0].GetString());
                    }
                }
            }
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), granted.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EveryQueue_DeniesRequestsWithoutTls()
    {
        using var template = await TemplateDocument.LoadAsync();
        var queues = TemplateDocument.OfType(template, "AWS::SQS::Queue");
        var policies = TemplateDocument.OfType(template, "AWS::SQS::QueuePolicy");

        Assert.Equal(4, queues.Count);
        foreach (var (queue, _) in queues)
        {
            var covering = policies.Where(p => p.Properties.GetProperty("Queues").EnumerateArray().Any(q => TemplateDocument.IsRef(q, queue))).ToList();
            Assert.True(covering.Count == 1, $"{queue} should have one queue policy, has {covering.Count}");
            var statements = covering[0].Properties.GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray();
            Assert.Contains(statements, statement => DeniesInsecureTransport(statement, queue));
        }
    }

    private static bool DeniesInsecureTransport(JsonElement statement, string queue) =>
        statement.GetProperty("Effect").GetString() == "Deny"
        && statement.GetProperty("Principal").ValueKind == JsonValueKind.String && statement.GetProperty("Principal").GetString() == "*"
        && TemplateDocument.OneOrMany(statement.GetProperty("Action")).Any(a => a.GetString() == "sqs:*")
        && TemplateDocument.OneOrMany(statement.GetProperty("Resource")).Any(r => TemplateDocument.IsGetAtt(r, queue, "Arn"))
        && statement.GetProperty("Condition").GetProperty("Bool").GetProperty("aws:SecureTransport").GetString() == "false";
}
