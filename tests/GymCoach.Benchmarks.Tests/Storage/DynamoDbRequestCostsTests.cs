using GymCoach.Benchmarks.Storage;

namespace GymCoach.Benchmarks.Tests.Storage;

/// <summary>The <c>dynamodb-request-costs</c> command refuses bad arguments before it starts DynamoDB Local; a run is the benchmark's own business.</summary>
public sealed class DynamoDbRequestCostsTests
{
    [Theory]
    [InlineData("--calls", "0")]
    [InlineData("--concurrency", "0")]
    [InlineData("--workouts-per-fold", "none")]
    [InlineData("--updates-per-message", "-1")]
    [InlineData("--unknown", "1")]
    public async Task ABadOption_IsABadArgument(string name, string value)
    {
        Assert.Equal(2, await DynamoDbRequestCosts.RunAsync([name, value]));
    }
}
