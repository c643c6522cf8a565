using GymCoach.Aws.Sqs;
using GymCoach.Cli.Emulators;
using GymCoach.Workers.Publishing;
using GymCoach.Workers.Queueing;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Integration.Tests.Sqs;

/// <summary>An SQS endpoint that goes away mid-run: every call fails clearly, and nothing is reported done.</summary>
[Collection(FauxqsCollection.Name)]
[Trait("Category", "Slow")]
public sealed class FauxqsFaultTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task WhenFauxqsStopsMidRun_EveryCallThrowsAClearException_AndNothingIsAcknowledged()
    {
        // A server of its own, so that stopping it leaves the shared one alone.
        var server = await FauxqsServer.StartAsync(CancellationToken.None);
        using var client = SqsClientFactory.Create(server.Connection);
        var queue = (await new SqsQueueProvisioner(client).EnsureAsync(new QueueDefinition { Name = "doomed", MaxReceiveCount = null }, CancellationToken.None)).Queue;
        await queue.SendBatchAsync(QueueSamples.Messages(3), CancellationToken.None);
        var received = await queue.ReceiveWithinAsync(Patience);
        Assert.NotEmpty(received);

        await server.DisposeAsync();

        var receive = await Assert.ThrowsAsync<SqsRequestException>(() => queue.ReceiveAsync(10, TimeSpan.Zero, CancellationToken.None));
        Assert.Equal(("ReceiveMessage", "doomed", null), (receive.Operation, receive.QueueName, receive.ErrorCode));
        Assert.Contains("SQS ReceiveMessage on queue doomed failed", receive.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<SqsRequestException>(() => queue.DeleteBatchAsync([.. received.Select(message => message.ReceiptHandle!)], CancellationToken.None));
        await Assert.ThrowsAsync<SqsRequestException>(() => queue.SendBatchAsync(QueueSamples.Messages(1), CancellationToken.None));
        await Assert.ThrowsAsync<SqsRequestException>(() => queue.GetCountsAsync(CancellationToken.None));

        await using var publisher = new SqsBatchPublisher(
            queue, new SqsBatchPublisherOptions { MaxAttempts = 2, InitialBackoff = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(5) });
        var published = await Assert.ThrowsAsync<PublishFailedException>(() => publisher.PublishAsync(QueueSamples.Message("never"), CancellationToken.None));
        Assert.False(published.SenderFault);
        Assert.IsType<SqsRequestException>(published.InnerException);
    }
}
