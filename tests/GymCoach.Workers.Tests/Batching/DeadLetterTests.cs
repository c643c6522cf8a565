using System.Text.Json;
using GymCoach.Contracts.Events;
using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Batching;

public sealed class DeadLetterTests
{
    private static string Id(int number) => SqsEventBuilder.IdOf(number);

    [Fact]
    public async Task PoisonMessages_GoToTheDeadLetterQueue_WithBodyAttributesAndReason_AndAreNotRetried()
    {
        var harness = new ProcessorHarness();
        var sqsEvent = SqsEventBuilder.Standard()
            .WithMessage("good")
            .WithMessage("bad", body: "{not json", messageAttributes: new Dictionary<string, SqsMessageAttribute>
            {
                [MessageAttributeNames.CorrelationId] = SqsMessageAttribute.FromString("corr-1"),
                ["binary"] = new() { DataType = "Binary", BinaryValue = [1, 2] },
            })
            .Build();
        harness.Handler.HandleFailures["bad"] = new PoisonMessageException("Unknown event type gymcoach.x.v9.");

        var outcome = await harness.RunAsync(sqsEvent);

        Assert.Empty(outcome.Response.BatchItemFailures);
        Assert.Equal(1, outcome.DeadLettered);
        Assert.Equal(1, outcome.Succeeded);
        var sent = Assert.Single(harness.DeadLetterQueue.Sent);
        Assert.Equal("{not json", sent.Body);
        Assert.Equal("Unknown event type gymcoach.x.v9.", sent.Attributes![MessageAttributeNames.FailureReason]);
        Assert.Equal(SqsEventBuilder.StandardQueueName, sent.Attributes[MessageAttributeNames.SourceQueue]);
        Assert.Equal("corr-1", sent.Attributes[MessageAttributeNames.CorrelationId]);
        Assert.False(sent.Attributes.ContainsKey("binary"));
        Assert.Null(sent.MessageGroupId);
        var failure = Assert.Single(harness.Observer.MessageFailures);
        Assert.True(failure.Poison);
    }

    public static TheoryData<Exception, bool> Classifications => new()
    {
        { new PoisonMessageException("poison"), true },
        { new InvalidEventException("invalid"), true },
        { new JsonException("malformed"), true },
        { new TimeoutException("throttled"), false },
        { new InvalidOperationException("broken"), false },
        { new AggregateException(new PoisonMessageException("wrapped")), false },
    };

    [Theory]
    [MemberData(nameof(Classifications))]
    public async Task ExceptionTypes_DecideBetweenDeadLetterAndRetry(Exception error, bool poison)
    {
        var harness = new ProcessorHarness();
        harness.Handler.HandleFailures[Id(0)] = error;

        var outcome = await harness.RunAsync(SqsEventBuilder.StandardEvent(2));

        Assert.Equal(poison ? 1 : 0, outcome.DeadLettered);
        Assert.Equal(poison ? 0 : 1, outcome.RetryFailed);
        Assert.Equal(poison ? 1 : 0, harness.DeadLetterQueue.Sent.Count);
    }

    [Fact]
    public async Task PoisonReportedByCompletion_IsDeadLetteredToo()
    {
        var harness = new ProcessorHarness();
        harness.Handler.CompletionFailures[Id(1)] = new PoisonMessageException("Conflicting duplicate.");

        var outcome = await harness.RunAsync(SqsEventBuilder.StandardEvent(3));

        Assert.Empty(outcome.Response.BatchItemFailures);
        Assert.Equal(1, outcome.DeadLettered);
        Assert.Equal("Conflicting duplicate.", Assert.Single(harness.DeadLetterQueue.Sent).Attributes![MessageAttributeNames.FailureReason]);
    }

    [Fact]
    public async Task DeadLetters_AreSentOncePerChunk_InBatchesOfAtMostTen()
    {
        var harness = new ProcessorHarness(new BatchProcessorOptions { ChunkSize = 25, MaxConcurrentChunks = 1 });
        foreach (var number in Enumerable.Range(0, 30))
        {
            harness.Handler.HandleFailures[Id(number)] = new InvalidEventException("invalid");
        }

        var outcome = await harness.RunAsync(SqsEventBuilder.StandardEvent(50));

        Assert.Equal(30, outcome.DeadLettered);
        Assert.Equal([10, 10, 5, 5], harness.DeadLetterQueue.Batches.Select(b => b.Count));
    }

    [Fact]
    public async Task WhenTheDeadLetterQueueRefusesAnEntry_ThatMessageIsRetried()
    {
        var harness = new ProcessorHarness();
        harness.Handler.HandleFailures[Id(0)] = new PoisonMessageException("poison");
        harness.Handler.HandleFailures[Id(1)] = new PoisonMessageException("poison");
        harness.DeadLetterQueue.FailEntry = m => m.Body.Contains(Id(1), StringComparison.Ordinal) ? "InternalError" : null;

        var outcome = await harness.RunAsync(SqsEventBuilder.StandardEvent(3));

        Assert.Equal([Id(1)], BatchAssert.FailedIds(outcome));
        Assert.Equal(1, outcome.DeadLettered);
        Assert.Equal(1, outcome.RetryFailed);
    }

    [Fact]
    public async Task AnEntryTheDeadLetterQueueFailsOnce_IsSentAgain_AndDeadLettered()
    {
        var harness = new ProcessorHarness();
        harness.Handler.HandleFailures[Id(0)] = new PoisonMessageException("poison");
        harness.Handler.HandleFailures[Id(1)] = new PoisonMessageException("poison");
        var failures = 0;
        harness.DeadLetterQueue.FailEntry = m =>
            m.Body.Contains(Id(1), StringComparison.Ordinal) && Interlocked.Increment(ref failures) == 1 ? "InternalError" : null;

        var outcome = await harness.RunAsync(SqsEventBuilder.StandardEvent(3));

        Assert.Empty(BatchAssert.FailedIds(outcome));
        Assert.Equal(2, outcome.DeadLettered);
        Assert.Equal([2, 1], harness.DeadLetterQueue.Batches.Select(b => b.Count));
    }

    [Fact]
    public async Task WhenTheDeadLetterQueueThrows_EveryPoisonMessageIsRetried()
    {
        var harness = new ProcessorHarness();
        harness.Handler.HandleFailures[Id(0)] = new PoisonMessageException("poison");
        harness.Handler.HandleFailures[Id(2)] = new PoisonMessageException("poison");
        harness.DeadLetterQueue.ThrowOnSend = new HttpRequestException("connection refused");

        var outcome = await harness.RunAsync(SqsEventBuilder.StandardEvent(3));

        Assert.Equal([Id(0), Id(2)], BatchAssert.FailedIds(outcome));
        Assert.Equal(1, outcome.Succeeded);
    }

    [Fact]
    public async Task WithoutADeadLetterQueue_PoisonIsLeftToRedrive()
    {
        var harness = new ProcessorHarness(withDeadLetterQueue: false);
        harness.Handler.HandleFailures[Id(1)] = new PoisonMessageException("poison");

        var outcome = await harness.RunAsync(SqsEventBuilder.StandardEvent(2));

        Assert.Equal([Id(1)], BatchAssert.FailedIds(outcome));
        Assert.Equal(0, outcome.DeadLettered);
    }

    [Fact]
    public async Task ALongReason_IsTruncated()
    {
        var harness = new ProcessorHarness();
        harness.Handler.HandleFailures[Id(0)] = new PoisonMessageException(new string('x', 5000));

        await harness.RunAsync(SqsEventBuilder.StandardEvent(1));

        var reason = Assert.Single(harness.DeadLetterQueue.Sent).Attributes![MessageAttributeNames.FailureReason];
        Assert.Equal(1024, reason.Length);
    }

    [Fact]
    public async Task TheDeadLetterMessage_KeepsAtMostTenAttributes_TheReasonAmongThem()
    {
        var attributes = Enumerable.Range(0, 10).ToDictionary(i => "a" + i, i => SqsMessageAttribute.FromString("v" + i));
        var harness = new ProcessorHarness();
        harness.Handler.HandleFailures["full"] = new PoisonMessageException("poison");

        await harness.RunAsync(SqsEventBuilder.Standard().WithMessage("full", messageAttributes: attributes).Build());

        var sent = Assert.Single(harness.DeadLetterQueue.Sent);
        Assert.Equal(10, sent.Attributes!.Count);
        Assert.Equal("poison", sent.Attributes[MessageAttributeNames.FailureReason]);
        Assert.Equal(SqsEventBuilder.StandardQueueName, sent.Attributes[MessageAttributeNames.SourceQueue]);
    }
}
