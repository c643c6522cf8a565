using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Batching;

/// <summary>
/// A failed record without a message id cannot be named in a partial batch response, and one left out would be
/// deleted by Lambda: the whole invocation fails instead, so every message of the batch is retried.
/// </summary>
public sealed class UnreportableFailureTests
{
    public static TheoryData<string?> BlankIds => [null, string.Empty, "  "];

    [Theory]
    [MemberData(nameof(BlankIds))]
    public async Task WhenARecordWithoutMessageIdFails_TheWholeInvocationFails(string? blankId)
    {
        var harness = new ProcessorHarness(new BatchProcessorOptions { ChunkSize = 2 });
        var sqsEvent = SqsEventBuilder.Standard()
            .WithMessage("ok-1")
            .WithRecord(Record(blankId))
            .WithMessage("ok-2")
            .Build();
        harness.Handler.OnHandle = (message, _) => string.IsNullOrWhiteSpace(message.MessageId)
            ? throw new TimeoutException("throttled")
            : ValueTask.CompletedTask;

        var error = await Assert.ThrowsAsync<UnreportableFailureException>(() => harness.RunAsync(sqsEvent));

        Assert.Equal(1, error.FailureCount);
        Assert.Contains("no message id", error.Message, StringComparison.Ordinal);
        Assert.Contains("whole batch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenARecordWithoutMessageIdIsNotStartedBeforeTheDeadline_TheWholeInvocationFails()
    {
        var harness = new ProcessorHarness();
        var sqsEvent = SqsEventBuilder.Standard().WithMessage("late").WithRecord(Record(string.Empty)).Build();

        var error = await Assert.ThrowsAsync<UnreportableFailureException>(() => harness.RunAsync(sqsEvent, timeLeft: TimeSpan.Zero));

        Assert.Equal(1, error.FailureCount);
    }

    [Fact]
    public async Task ARecordWithoutMessageIdThatSucceeds_LeavesThePartialResponseAlone()
    {
        var harness = new ProcessorHarness();
        var sqsEvent = SqsEventBuilder.Standard().WithMessage("fails").WithRecord(Record(string.Empty)).Build();
        harness.Handler.HandleFailures["fails"] = new TimeoutException("throttled");

        var outcome = await harness.RunAsync(sqsEvent);

        Assert.Equal(["fails"], BatchAssert.FailedIds(outcome));
        Assert.Equal(1, outcome.Succeeded);
    }

    [Fact]
    public async Task ARecordWithoutMessageIdInAChunkWhoseCompletionFailsAnother_Succeeds()
    {
        var harness = new ProcessorHarness();
        var sqsEvent = SqsEventBuilder.Standard().WithMessage("fails-at-completion").WithRecord(Record(null)).Build();
        harness.Handler.CompletionFailures["fails-at-completion"] = new TimeoutException("conditional write throttled");

        var outcome = await harness.RunAsync(sqsEvent);

        Assert.Equal(["fails-at-completion"], BatchAssert.FailedIds(outcome));
        Assert.Equal(1, outcome.Succeeded);
    }

    [Theory]
    [MemberData(nameof(BlankIds))]
    public async Task WhenTheCompletionFailsARecordWithoutMessageId_TheWholeInvocationFails(string? blankId)
    {
        var harness = new ProcessorHarness();
        var sqsEvent = SqsEventBuilder.Standard().WithMessage("ok").WithRecord(Record(blankId)).Build();
        harness.Handler.OnComplete = completion =>
        {
            foreach (var message in completion.Handled.Where(message => string.IsNullOrWhiteSpace(message.MessageId)))
            {
                completion.Fail(message, new TimeoutException("conditional write throttled"));
            }
        };

        var error = await Assert.ThrowsAsync<UnreportableFailureException>(() => harness.RunAsync(sqsEvent));

        Assert.Equal(1, error.FailureCount);
    }

    private static SqsMessage Record(string? messageId) => new()
    {
        MessageId = messageId!,
        Body = "{}",
        EventSource = "aws:sqs",
        EventSourceArn = SqsEventBuilder.StandardArn,
    };
}
