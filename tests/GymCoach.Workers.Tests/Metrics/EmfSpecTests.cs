namespace GymCoach.Workers.Tests.Metrics;

/// <summary>The test-side specification catches what it must, so that passing it means something.</summary>
public sealed class EmfSpecTests
{
    private const string Valid =
        """{"_aws":{"Timestamp":1767225600000,"CloudWatchMetrics":[{"Namespace":"GymCoach","Dimensions":[["FunctionName"]],"Metrics":[{"Name":"CacheHits","Unit":"Count"}]}]},"FunctionName":"f","CacheHits":1}""";

    [Fact]
    public void AValidDocument_BreaksNoRule() => Assert.Empty(EmfSpec.Violations(Valid));

    [Theory]
    [InlineData("\"Timestamp\":1767225600000", "\"Timestamp\":1767225600", "Timestamp")]
    [InlineData("\"Unit\":\"Count\"", "\"Unit\":\"Requests\"", "Unit")]
    [InlineData(",\"CacheHits\":1}", "}", "root member")]
    [InlineData("\"FunctionName\":\"f\"", "\"FunctionName\":7", "dimension FunctionName")]
    [InlineData("\"CacheHits\":1}", "\"CacheHits\":\"1\"}", "number")]
    [InlineData("\"Namespace\":\"GymCoach\"", "\"Namespace\":\"GymCoach\",\"Extra\":1", "Extra")]
    public void ABrokenRule_IsReported(string part, string replacement, string expected)
    {
        var violations = EmfSpec.Violations(Valid.Replace(part, replacement, StringComparison.Ordinal));

        Assert.Contains(violations, violation => violation.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void MoreThan100Values_OrMoreThan30Dimensions_AreReported()
    {
        var values = string.Join(',', Enumerable.Range(0, 101));
        var dimensions = string.Join(',', Enumerable.Range(0, 31).Select(i => $"\"D{i}\""));
        var members = string.Join(',', Enumerable.Range(0, 31).Select(i => $"\"D{i}\":\"v\""));

        Assert.NotEmpty(EmfSpec.Violations(Valid.Replace("\"CacheHits\":1}", $"\"CacheHits\":[{values}]}}", StringComparison.Ordinal)));
        Assert.NotEmpty(EmfSpec.Violations(Valid
            .Replace("[\"FunctionName\"]", $"[{dimensions}]", StringComparison.Ordinal)
            .Replace("\"FunctionName\":\"f\"", members, StringComparison.Ordinal)));
    }
}
