using GymCoach.Workers.Publishing;

namespace GymCoach.Integration.Tests.Sqs.Publishing;

public sealed class SqsBatchPublisherOptionsTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        var options = new SqsBatchPublisherOptions();

        options.Validate();

        Assert.Equal(TimeSpan.FromMilliseconds(5), options.Linger);
        Assert.Equal(1024 * 1024, options.MaxMessageBytes);
    }

    [Fact]
    public void Validate_ReportsEveryProblemAtOnce()
    {
        var options = new SqsBatchPublisherOptions
        {
            Linger = TimeSpan.FromSeconds(-1),
            MaxBufferedMessages = 0,
            MaxConcurrentBatches = 0,
            MaxAttempts = 0,
            InitialBackoff = TimeSpan.Zero,
            MaxBackoff = TimeSpan.FromHours(1),
            MaxMessageBytes = 2 * 1024 * 1024,
        };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        foreach (var name in new[] { "Linger", "MaxBufferedMessages", "MaxConcurrentBatches", "MaxAttempts", "InitialBackoff", "MaxBackoff", "MaxMessageBytes" })
        {
            Assert.Contains(name + " must", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Publisher_ValidatesItsOptions()
    {
        var queue = new Embedded.Queueing.EmbeddedQueue(new Embedded.Queueing.EmbeddedQueueOptions { Name = "options" });

        Assert.Throws<ArgumentException>(() => new SqsBatchPublisher(queue, new SqsBatchPublisherOptions { MaxAttempts = 0 }));
    }
}
