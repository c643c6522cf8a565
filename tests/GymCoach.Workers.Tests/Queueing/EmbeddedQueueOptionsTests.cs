using GymCoach.Embedded.Queueing;

namespace GymCoach.Workers.Tests.Queueing;

public sealed class EmbeddedQueueOptionsTests
{
    [Fact]
    public void Defaults_AreThoseOfSqs()
    {
        var options = new EmbeddedQueueOptions { Name = "writes" };

        options.Validate();

        Assert.Equal(TimeSpan.FromSeconds(30), options.VisibilityTimeout);
        Assert.Null(options.MaxReceiveCount);
        Assert.False(options.IsFifo);
    }

    [Fact]
    public void Validate_ReportsEveryProblemAtOnce()
    {
        var options = new EmbeddedQueueOptions
        {
            Name = "bad name!",
            VisibilityTimeout = TimeSpan.FromHours(13),
            MaxReceiveCount = 0,
            Region = "",
        };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("Name", error.Message, StringComparison.Ordinal);
        Assert.Contains("VisibilityTimeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxReceiveCount must be between", error.Message, StringComparison.Ordinal);
        Assert.Contains("needs a DeadLetterQueue", error.Message, StringComparison.Ordinal);
        Assert.Contains("Region", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeadLetterQueue_MustMatchTheQueueType()
    {
        var standard = new EmbeddedQueue(new EmbeddedQueueOptions { Name = "dlq" });
        var options = new EmbeddedQueueOptions { Name = "orders.fifo", MaxReceiveCount = 3, DeadLetterQueue = standard };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("FIFO", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Queue_BuildsItsArnFromRegionAccountAndName()
    {
        var queue = new EmbeddedQueue(new EmbeddedQueueOptions { Name = "writes", Region = "eu-west-1", AccountId = "123456789012" });

        Assert.Equal("arn:aws:sqs:eu-west-1:123456789012:writes", queue.Arn);
    }

    [Fact]
    public void Queue_KeepsASnapshotOfItsOptions()
    {
        var options = new EmbeddedQueueOptions { Name = "writes" };
        var queue = new EmbeddedQueue(options);

        options.Name = "renamed";

        Assert.Equal("writes", queue.Name);
    }
}
