using GymCoach.Aws.Sqs;
using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;

namespace GymCoach.Workers.Tests.Queueing.Fakes;

/// <summary>A queue that refuses calls, or single entries, for throttling as SqsQueue reports it, and records what was sent or deleted.</summary>
internal sealed class ThrottlingQueue : IMessageQueue
{
    private readonly Lock _lock = new();
    private readonly List<string[]> _sends = [];
    private readonly List<string[]> _deletes = [];

    public string Name => "gymcoach-analytics-dev";

    public string Arn => "arn:aws:sqs:eu-west-1:123456789012:" + Name;

    /// <summary>The next this many SendMessageBatch or DeleteMessageBatch calls throw, with <see cref="ErrorCode"/>.</summary>
    public int CallsToRefuse { get; set; }

    public string ErrorCode { get; set; } = "RequestThrottled";

    /// <summary>Entries (by body) refused as <c>RequestThrottled</c> this many more times.</summary>
    public Dictionary<string, int> EntriesToThrottle { get; } = new(StringComparer.Ordinal);

    /// <summary>The bodies of every SendMessageBatch call, in order.</summary>
    public IReadOnlyList<string[]> Sends => Locked(_sends);

    /// <summary>The handles of every DeleteMessageBatch call, in order.</summary>
    public IReadOnlyList<string[]> Deletes => Locked(_deletes);

    public Task<IReadOnlyList<SendOutcome>> SendBatchAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        Record(_sends, [.. messages.Select(message => message.Body)], "SendMessageBatch");
        var outcomes = new List<SendOutcome>(messages.Count);
        lock (_lock)
        {
            foreach (var message in messages)
            {
                if (EntriesToThrottle.TryGetValue(message.Body, out var left) && left > 0)
                {
                    EntriesToThrottle[message.Body] = left - 1;
                    outcomes.Add(new SendOutcome(null, "RequestThrottled: Rate exceeded."));
                }
                else
                {
                    outcomes.Add(new SendOutcome("id-" + message.Body, null));
                }
            }
        }

        return Task.FromResult<IReadOnlyList<SendOutcome>>(outcomes);
    }

    public Task<IReadOnlyList<string>> DeleteBatchAsync(IReadOnlyList<string> receiptHandles, CancellationToken cancellationToken)
    {
        Record(_deletes, [.. receiptHandles], "DeleteMessageBatch");
        return Task.FromResult<IReadOnlyList<string>>([]);
    }

    public Task<IReadOnlyList<SqsMessage>> ReceiveAsync(int maxMessages, TimeSpan waitTime, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SqsMessage>>([]);

    public Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<QueueCounts> GetCountsAsync(CancellationToken cancellationToken) => Task.FromResult(new QueueCounts(0, 0, 0));

    public Task<TimeSpan> GetVisibilityTimeoutAsync(CancellationToken cancellationToken) => Task.FromResult(TimeSpan.FromSeconds(30));

    private void Record(List<string[]> calls, string[] call, string operation)
    {
        lock (_lock)
        {
            calls.Add(call);
            if (CallsToRefuse > 0)
            {
                CallsToRefuse--;
                throw new SqsRequestException(operation, Name, ErrorCode, new InvalidOperationException("Rate exceeded."));
            }
        }
    }

    private IReadOnlyList<string[]> Locked(List<string[]> calls)
    {
        lock (_lock)
        {
            return [.. calls];
        }
    }
}
