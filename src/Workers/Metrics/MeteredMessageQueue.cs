using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;

namespace GymCoach.Workers.Metrics;

/// <summary>Wraps the queue a publisher sends to: records each SendMessageBatch call's entries (<c>PublisherBatchFill</c>) and the entries it did not accept (<c>PublisherFailures</c>).</summary>
/// <remarks>Every other call passes straight through. An exception from the call is counted for all its entries and thrown on.</remarks>
public sealed class MeteredMessageQueue(IMessageQueue inner, MetricsRecorder recorder) : IMessageQueue
{
    public string Name => inner.Name;

    public bool IsFifo => inner.IsFifo;

    public string Arn => inner.Arn;

    public async Task<IReadOnlyList<SendOutcome>> SendBatchAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        recorder.Record(MetricCatalogue.PublisherBatchFill, messages.Count);
        IReadOnlyList<SendOutcome> outcomes;
        try
        {
            outcomes = await inner.SendBatchAsync(messages, cancellationToken);
        }
        catch
        {
            recorder.Record(MetricCatalogue.PublisherFailures, messages.Count);
            throw;
        }

        var failed = Math.Max(0, messages.Count - outcomes.Count);
        foreach (var outcome in outcomes)
        {
            if (!outcome.Succeeded)
            {
                failed++;
            }
        }

        if (failed > 0)
        {
            recorder.Record(MetricCatalogue.PublisherFailures, failed);
        }

        return outcomes;
    }

    public Task<IReadOnlyList<SqsMessage>> ReceiveAsync(int maxMessages, TimeSpan waitTime, CancellationToken cancellationToken) =>
        inner.ReceiveAsync(maxMessages, waitTime, cancellationToken);

    public Task<IReadOnlyList<string>> DeleteBatchAsync(IReadOnlyList<string> receiptHandles, CancellationToken cancellationToken) =>
        inner.DeleteBatchAsync(receiptHandles, cancellationToken);

    public Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken) =>
        inner.ChangeVisibilityAsync(receiptHandle, visibilityTimeout, cancellationToken);

    public Task<QueueCounts> GetCountsAsync(CancellationToken cancellationToken) => inner.GetCountsAsync(cancellationToken);

    public Task<TimeSpan> GetVisibilityTimeoutAsync(CancellationToken cancellationToken) => inner.GetVisibilityTimeoutAsync(cancellationToken);
}
