using GymCoach.Aws.DynamoDb;

namespace GymCoach.Workers.Tests.Storage.Dynamo;

public sealed class DynamoDbStoreOptionsTests
{
    [Fact]
    public void Defaults_AreValid_AndNameTheGymcoachTable()
    {
        var options = new DynamoDbStoreOptions();

        options.Validate();
        Assert.Equal("gymcoach", options.TableName);
        Assert.Equal(ConditionalWriteMode.Transactions, options.ConditionalWrites);
    }

    [Fact]
    public void Validate_ReportsEveryError_AtOnce()
    {
        var options = new DynamoDbStoreOptions
        {
            TableName = "x",
            MaxAttempts = 0,
            BaseDelay = TimeSpan.FromSeconds(2),
            MaxDelay = TimeSpan.FromSeconds(1),
            MaxConcurrentRequests = 0,
            ThrottledRetryWindow = TimeSpan.FromSeconds(-1),
            ConditionalWrites = (ConditionalWriteMode)7,
        };

        var failure = Assert.Throws<ArgumentException>(options.Validate);

        Assert.All(
            ["TableName", "MaxAttempts", "MaxDelay", "ConditionalWrites", "MaxConcurrentRequests", "ThrottledRetryWindow"],
            name => Assert.Contains(name, failure.Message, StringComparison.Ordinal));
    }
}
