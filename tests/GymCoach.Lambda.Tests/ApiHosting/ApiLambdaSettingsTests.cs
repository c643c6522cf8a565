using GymCoach.Ingest.Lambda.Hosting;
using GymCoach.Lambda.Runtime;
using GymCoach.Lambda.Tests.Support;

namespace GymCoach.Lambda.Tests.ApiHosting;

/// <summary>The API bootstrap's configuration from environment variables: as the template sets them, and every problem named at once.</summary>
public sealed class ApiLambdaSettingsTests
{
    [Fact]
    public void TheTemplatesVariables_GiveTheAwsBackend_TheKeys_AndAnyHost()
    {
        var settings = ApiLambdaSettings.Read(Variables.Reader(new Dictionary<string, string>
        {
            ["AWS_REGION"] = "eu-west-1",
            ["AWS_LAMBDA_FUNCTION_NAME"] = "gymcoach-api-dev",
            ["GYMCOACH_TABLE_NAME"] = "gymcoach-dev",
            ["GYMCOACH_WRITES_QUEUE_URL"] = "https://sqs.eu-west-1.amazonaws.com/123456789012/gymcoach-writes-dev",
            ["GYMCOACH_ANALYTICS_QUEUE_URL"] = "https://sqs.eu-west-1.amazonaws.com/123456789012/gymcoach-analytics-dev",
            ["GYMCOACH_API_KEYS"] = ApiKeys.VariableJson(),
        }));

        Assert.False(settings.Embedded);
        Assert.Equal("gymcoach-dev", settings.TableName);
        Assert.Equal("gymcoach-api-dev", settings.FunctionName);
        Assert.Equal(["writer", "reader"], settings.Api.ApiKeys.Select(key => key.Name));
        Assert.Equal(["*"], settings.Api.AllowedHosts);
        Assert.Null(settings.SqsEndpoint);
    }

    [Fact]
    public void MissingAndInvalidVariables_AreAllNamed_WithoutRepeatingTheKeyList()
    {
        const string BrokenKeys = """[{"name":"mobile","sha256":"secret-looking-text" """;

        var error = Assert.Throws<RuntimeInitException>(() => ApiLambdaSettings.Read(Variables.Reader(new Dictionary<string, string>
        {
            ["GYMCOACH_API_KEYS"] = BrokenKeys,
            ["GYMCOACH_WRITES_QUEUE_URL"] = "not a url",
        })));

        Assert.Equal(RuntimeErrorTypes.ConfigInvalid, error.FunctionErrorType);
        Assert.Contains("GYMCOACH_TABLE_NAME is required.", error.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_REGION is required.", error.Message, StringComparison.Ordinal);
        Assert.Contains("GYMCOACH_WRITES_QUEUE_URL 'not a url' is not an absolute http(s) URL.", error.Message, StringComparison.Ordinal);
        Assert.Contains("GYMCOACH_ANALYTICS_QUEUE_URL is required.", error.Message, StringComparison.Ordinal);
        Assert.Contains("GYMCOACH_API_KEYS is not a JSON list of keys", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-looking-text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyThatBreaksTheRules_IsNamedByItsPlace()
    {
        var error = Assert.Throws<RuntimeInitException>(() => ApiLambdaSettings.Read(Variables.Reader(new Dictionary<string, string>
        {
            ["GYMCOACH_BACKEND"] = "embedded",
            ["GYMCOACH_API_KEYS"] = """[{"name":"mobile","sha256":"abc","operations":["workouts:delete"]}]""",
        })));

        Assert.Contains("ApiKeys[0].Sha256 must be 64 hexadecimal digits.", error.Message, StringComparison.Ordinal);
        Assert.Contains("ApiKeys[0].Operations has unknown operation 'workouts:delete'", error.Message, StringComparison.Ordinal);
    }
}
