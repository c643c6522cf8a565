using System.Text.Json;
using Amazon.SQS.Model;
using GymCoach.Aws.Sqs;
using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;
using GymCoach.Integration.Tests.Sqs.Support;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Integration.Tests.Sqs;

/// <summary>What <see cref="SqsQueue"/> adds beyond the queue contract: Lambda's exact message shape and opening queues by name.</summary>
[Collection(FauxqsCollection.Name)]
[Trait("Category", "Slow")]
public sealed class SqsQueueTests(FauxqsFixture fauxqs) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly SqsTestQueues _queues = new(fauxqs.Client);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _queues.DeleteAllAsync();

    [Fact]
    public async Task ReceivedFifoMessage_SerializesAsTheRecordLambdaWouldPass()
    {
        var queue = await _queues.CreateAsync(QueueSamples.UniqueName("lambda", fifo: true), TimeSpan.FromSeconds(30));
        var sent = QueueSamples.FifoMessage("{\"n\":1}", "user-7", "dedup-7") with
        {
            Attributes = new Dictionary<string, string> { [MessageAttributeNames.CorrelationId] = "corr-7" },
        };
        var messageId = Assert.Single(await queue.SendBatchAsync([sent], CancellationToken.None)).MessageId;

        var message = Assert.Single(await queue.ReceiveWithinAsync(Patience));
        using var json = JsonDocument.Parse(LambdaJson.Serialize(new SqsEvent { Records = [message] }));

        var record = json.RootElement.GetProperty("Records")[0];
        Assert.Equal(messageId, record.GetProperty("messageId").GetString());
        Assert.Equal(message.ReceiptHandle, record.GetProperty("receiptHandle").GetString());
        Assert.Equal("{\"n\":1}", record.GetProperty("body").GetString());
        Assert.Matches("^[0-9a-f]{32}$", record.GetProperty("md5OfBody").GetString());
        Assert.Matches("^[0-9a-f]{32}$", record.GetProperty("md5OfMessageAttributes").GetString());
        Assert.Equal("aws:sqs", record.GetProperty("eventSource").GetString());
        Assert.Equal($"arn:aws:sqs:us-east-1:000000000000:{queue.Name}", record.GetProperty("eventSourceARN").GetString());
        Assert.Equal("us-east-1", record.GetProperty("awsRegion").GetString());
        var attributes = record.GetProperty("attributes");
        Assert.Equal("1", attributes.GetProperty("ApproximateReceiveCount").GetString());
        Assert.Equal("user-7", attributes.GetProperty("MessageGroupId").GetString());
        Assert.Equal("dedup-7", attributes.GetProperty("MessageDeduplicationId").GetString());
        foreach (var numeric in new[] { "SentTimestamp", "ApproximateFirstReceiveTimestamp", "SequenceNumber" })
        {
            Assert.True(long.TryParse(attributes.GetProperty(numeric).GetString(), out _), numeric);
        }

        Assert.False(string.IsNullOrEmpty(attributes.GetProperty("SenderId").GetString()));
        var correlation = record.GetProperty("messageAttributes").GetProperty(MessageAttributeNames.CorrelationId);
        Assert.Equal("corr-7", correlation.GetProperty("stringValue").GetString());
        Assert.Equal("String", correlation.GetProperty("dataType").GetString());
    }

    [Fact]
    public async Task OpenAsync_FindsAQueueByName()
    {
        var created = await _queues.CreateAsync(QueueSamples.UniqueName("open"), TimeSpan.FromSeconds(30));

        var opened = await SqsQueue.OpenAsync(fauxqs.Client, created.Name, CancellationToken.None);

        Assert.Equal((created.Url, created.Arn, "us-east-1"), (opened.Url, opened.Arn, opened.Region));
    }

    [Fact]
    public async Task OpenAsync_OfAMissingQueue_ThrowsWithTheSqsErrorCode()
    {
        var error = await Assert.ThrowsAsync<SqsRequestException>(() => SqsQueue.OpenAsync(fauxqs.Client, "no-such-queue", CancellationToken.None));

        Assert.IsType<QueueDoesNotExistException>(error.InnerException);
        Assert.False(string.IsNullOrEmpty(error.ErrorCode));
        Assert.Contains("no-such-queue", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACancelledReceive_ThrowsOperationCanceled_NotARequestFailure()
    {
        var queue = await _queues.CreateAsync(QueueSamples.UniqueName("cancel"), TimeSpan.FromSeconds(30));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.ReceiveAsync(10, TimeSpan.FromSeconds(5), cancellation.Token));
    }
}
