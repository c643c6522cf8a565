using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;

namespace GymCoach.TestSupport.Polling;

/// <summary>Poll-until helpers for contract tests that run in real time against backends whose effects may lag.</summary>
public static class ContractPolling
{
    /// <summary>Evaluates <paramref name="probe"/> until <paramref name="done"/> holds or the timeout passes; returns the last value.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow >= deadline)
            {
                return value;
            }

            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(50));
        }
    }

    /// <summary>Waits until the queue's counts satisfy <paramref name="done"/> (counts are approximate on real SQS).</summary>
    public static Task<QueueCounts> CountsUntilAsync(this IMessageQueue queue, Func<QueueCounts, bool> done, TimeSpan timeout) =>
        UntilAsync(() => queue.GetCountsAsync(CancellationToken.None), done, timeout);

    /// <summary>Long-polls in one-second steps until a message arrives or the timeout passes.</summary>
    public static async Task<IReadOnlyList<SqsMessage>> ReceiveWithinAsync(this IMessageQueue queue, TimeSpan timeout, int maxMessages = 10)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var remaining = deadline - DateTime.UtcNow;
            var wait = remaining > TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
            var messages = await queue.ReceiveAsync(maxMessages, wait, CancellationToken.None);
            if (messages.Count > 0 || DateTime.UtcNow >= deadline)
            {
                return messages;
            }
        }
    }

    /// <summary>Receives until <paramref name="count"/> messages arrived (deleting each) or the timeout passes.</summary>
    public static async Task<List<SqsMessage>> DrainAsync(this IMessageQueue queue, int count, TimeSpan timeout)
    {
        var received = new List<SqsMessage>();
        var deadline = DateTime.UtcNow + timeout;
        while (received.Count < count && DateTime.UtcNow < deadline)
        {
            var batch = await queue.ReceiveWithinAsync(deadline - DateTime.UtcNow);
            received.AddRange(batch);
            if (batch.Count > 0)
            {
                await queue.DeleteBatchAsync([.. batch.Select(message => message.ReceiptHandle!)], CancellationToken.None);
            }
        }

        return received;
    }
}
