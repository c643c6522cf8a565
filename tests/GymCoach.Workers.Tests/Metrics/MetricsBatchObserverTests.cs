using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Functions;
using GymCoach.Workers.Metrics;
using GymCoach.Workers.Tests.Batching.Fakes;
using GymCoach.Workers.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace GymCoach.Workers.Tests.Metrics;

/// <summary>The observer and the metered function on a real <see cref="BatchProcessor"/>: what the EMF lines say about one event.</summary>
public sealed class MetricsBatchObserverTests
{
    private const string Function = "gymcoach-writes-worker-dev";
    private const string Queue = SqsEventBuilder.StandardQueueName;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 6, 0, 0, TimeSpan.Zero));
    private readonly ScriptedHandler _handler = new();
    private readonly RecordingQueue _deadLetters = new();
    private readonly MetricsRecorder _recorder;

    public MetricsBatchObserverTests()
    {
        _recorder = new MetricsRecorder(Function, _time);
    }

    [Fact]
    public async Task AnEventWithTransientAndPoisonFailures_IsCountedByOutcome_WithOneDurationPerChunk()
    {
        _handler.HandleFailures[SqsEventBuilder.IdOf(3)] = new InvalidOperationException("throttled");
        _handler.HandleFailures[SqsEventBuilder.IdOf(120)] = new InvalidOperationException("timeout");
        _handler.HandleFailures[SqsEventBuilder.IdOf(7)] = new PoisonMessageException("invalid workout");
        var processor = new BatchProcessor(new BatchProcessorOptions(), _deadLetters, _time, new MetricsBatchObserver(_recorder, Queue));

        var outcome = await processor.ProcessAsync(SqsEventBuilder.StandardEvent(250), _handler, _time.GetUtcNow().AddMinutes(5), CancellationToken.None);
        var documents = EmfDocuments.Flush(_recorder);

        Assert.Equal(247, outcome.Succeeded);
        Assert.Equal(247, documents.Sum("MessagesSucceeded", Function, Queue));
        Assert.Equal(2, documents.Sum("MessagesFailed", Function, Queue));
        Assert.Equal(1, documents.Sum("MessagesDeadLettered", Function, Queue));
        Assert.Equal(3, documents.Values("ChunkDuration", Function, Queue).Count);
    }

    [Fact]
    public async Task APoisonMessageWhoseDeadLetteringFails_CountsAsFailed_NotDeadLettered()
    {
        _handler.HandleFailures[SqsEventBuilder.IdOf(0)] = new PoisonMessageException("invalid");
        _deadLetters.ThrowOnSend = new InvalidOperationException("DLQ unreachable");
        var processor = new BatchProcessor(new BatchProcessorOptions(), _deadLetters, _time, new MetricsBatchObserver(_recorder, Queue));

        await processor.ProcessAsync(SqsEventBuilder.StandardEvent(2), _handler, _time.GetUtcNow().AddMinutes(5), CancellationToken.None);
        var documents = EmfDocuments.Flush(_recorder);

        Assert.Equal(1, documents.Sum("MessagesFailed", Function, Queue));
        Assert.Equal(0, documents.Sum("MessagesDeadLettered", Function, Queue));
    }

    [Fact]
    public async Task TheMeteredWorkerFunction_AddsReceivedLagRetriesAndDuration_AndFlushesOnceAfterTheInvocation()
    {
        var sentAt = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromSeconds(3));
        var sqsEvent = SqsEventBuilder.Standard()
            .WithRecord(Message("a", sentAt, receiveCount: 1))
            .WithRecord(Message("b", sentAt.AddSeconds(1), receiveCount: 3))
            .WithRecord(Message("c", sentAt.AddSeconds(5), receiveCount: 2)) // sent "after" now: clock skew, lag 0
            .Build();
        _handler.OnHandle = (_, _) =>
        {
            _time.Advance(TimeSpan.FromMilliseconds(10));
            return ValueTask.CompletedTask;
        };
        var processor = new BatchProcessor(new BatchProcessorOptions(), _deadLetters, _time, new MetricsBatchObserver(_recorder, Queue));
        using var output = new StringWriter();
        var function = new MeteredSqsFunction(new WorkerFunction(processor, _handler), _recorder, Queue, output, _time);

        var response = await function.InvokeAsync(sqsEvent, new InvocationContext("req-1", _time.GetUtcNow().AddMinutes(1)), CancellationToken.None);
        var documents = EmfDocuments.Parse(output.ToString());

        Assert.Empty(response.BatchItemFailures);
        Assert.Single(documents.Lines);
        Assert.Equal(3, documents.Sum("MessagesReceived", Function, Queue));
        Assert.Equal(3, documents.Sum("MessagesSucceeded", Function, Queue));
        Assert.Equal(2, documents.Sum("MessagesRetried", Function, Queue));
        Assert.Equal([3000, 2000, 0], documents.Values("QueueLag", Function, Queue));
        Assert.Equal([30], documents.Values("InvocationDuration", Function, Queue));
        Assert.Equal(0, _recorder.Flush(TextWriter.Null));
    }

    [Fact]
    public async Task AnInvocationThatThrows_CountsAnErrorAndTheWholeBatchAsFailed_AndStillFlushes()
    {
        using var output = new StringWriter();
        var function = new MeteredSqsFunction(new ThrowingFunction(), _recorder, Queue, output, _time);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            function.InvokeAsync(SqsEventBuilder.StandardEvent(4), new InvocationContext("req-2", _time.GetUtcNow().AddMinutes(1)), CancellationToken.None));
        var documents = EmfDocuments.Parse(output.ToString());

        Assert.Equal(1, documents.Sum("InvocationErrors", Function, Queue));
        Assert.Equal(4, documents.Sum("MessagesFailed", Function, Queue));
        Assert.Equal(4, documents.Sum("MessagesReceived", Function, Queue));
    }

    private static SqsMessage Message(string id, DateTimeOffset sentAt, int receiveCount) => new()
    {
        MessageId = id,
        ReceiptHandle = "rh-" + id,
        Body = "{}",
        EventSourceArn = SqsEventBuilder.StandardArn,
        Attributes = new Dictionary<string, string>
        {
            [SqsSystemAttributes.SentTimestamp] = sentAt.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            [SqsSystemAttributes.ApproximateReceiveCount] = receiveCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    };

    private sealed class ThrowingFunction : ISqsFunction
    {
        public Task<SqsBatchResponse> InvokeAsync(SqsEvent sqsEvent, InvocationContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("handler bug");
    }
}
