using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;

namespace GymCoach.Workers.Tests.Handlers;

/// <summary>A queue that is up but refuses every message sent to it, as SQS does when throttling a batch's entries.</summary>
internal sealed class RefusingQueue : IMessageQueue
{
    public string Name => "refusing";

    public string Arn => "arn:aws:sqs:us-east-1:000000000000:refusing";

    public int SendCalls { get; private set; }

    public Task<IReadOnlyList<SendOutcome>> SendBatchAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        SendCalls++;
        return Task.FromResult<IReadOnlyList<SendOutcome>>([.. messages.Select(_ => new SendOutcome(null, "ThrottlingException: slow down"))]);
    }

    public Task<IReadOnlyList<SqsMessage>> ReceiveAsync(int maxMessages, TimeSpan waitTime, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SqsMessage>>([]);

    public Task<IReadOnlyList<string>> DeleteBatchAsync(IReadOnlyList<string> receiptHandles, CancellationToken cancellationToken) =>
        Task.FromResult(receiptHandles);

    public Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<QueueCounts> GetCountsAsync(CancellationToken cancellationToken) => Task.FromResult(new QueueCounts(0, 0, 0));

    public Task<TimeSpan> GetVisibilityTimeoutAsync(CancellationToken cancellationToken) => Task.FromResult(TimeSpan.FromSeconds(30));
}
