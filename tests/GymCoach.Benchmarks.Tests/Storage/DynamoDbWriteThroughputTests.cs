using GymCoach.Benchmarks.Storage;

namespace GymCoach.Benchmarks.Tests.Storage;

/// <summary>The <c>dynamodb-write-throughput</c> command's arguments; a run needs DynamoDB Local and is the benchmark's own business.</summary>
public sealed class DynamoDbWriteThroughputTests
{
    [Fact]
    public void NoOptions_AreTheDefaults()
    {
        var options = DynamoDbWriteThroughputOptions.Read([]);

        Assert.Equal(new DynamoDbWriteThroughputOptions { Items = 2_000, ChunkSize = 100, Concurrency = 5, WarmupItems = 500 }, options);
    }

    [Fact]
    public void Options_AreRead()
    {
        var options = DynamoDbWriteThroughputOptions.Read(["--items", "300", "--chunk", "25", "--concurrency", "2", "--warmup", "0"]);

        Assert.Equal(new DynamoDbWriteThroughputOptions { Items = 300, ChunkSize = 25, Concurrency = 2, WarmupItems = 0 }, options);
    }

    [Theory]
    [InlineData("--items", "many")]
    [InlineData("--items", "0")]
    [InlineData("--unknown", "1")]
    public async Task ABadOption_IsABadArgument(string name, string value)
    {
        using var output = new StringWriter();

        Assert.Equal(2, await DynamoDbWriteThroughput.RunAsync([name, value], output));
        Assert.Empty(output.ToString());
    }
}
