namespace GymCoach.Embedded.Queueing;

/// <summary>FIFO deduplication: remembers each deduplication id's message for five minutes, as SQS does.</summary>
/// <remarks>Not thread-safe: the owning queue calls it under its lock. Expired ids are pruned in expiry order, O(1) amortized.</remarks>
internal sealed class DeduplicationWindow
{
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, (string MessageId, long ExpiresTicks)> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string DeduplicationId, long ExpiresTicks)> _expiries = new();

    /// <summary>The message id sent earlier with <paramref name="deduplicationId"/> inside the window, if any.</summary>
    public bool TryGetOriginal(string deduplicationId, long nowTicks, out string messageId)
    {
        Prune(nowTicks);
        if (_seen.TryGetValue(deduplicationId, out var seen))
        {
            messageId = seen.MessageId;
            return true;
        }

        messageId = string.Empty;
        return false;
    }

    public void Remember(string deduplicationId, string messageId, long nowTicks)
    {
        var expires = nowTicks + Length.Ticks;
        _seen[deduplicationId] = (messageId, expires);
        _expiries.Enqueue((deduplicationId, expires));
    }

    private void Prune(long nowTicks)
    {
        while (_expiries.TryPeek(out var oldest) && oldest.ExpiresTicks <= nowTicks)
        {
            _expiries.Dequeue();
            if (_seen.TryGetValue(oldest.DeduplicationId, out var seen) && seen.ExpiresTicks == oldest.ExpiresTicks)
            {
                _seen.Remove(oldest.DeduplicationId);
            }
        }
    }
}
