using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using GymCoach.Contracts.Queueing;

namespace GymCoach.Embedded.Queueing;

/// <summary>The state machine of an <see cref="EmbeddedQueue"/>: every message's state, receipt handles, timers and counts.</summary>
/// <remarks>
/// Not thread-safe: the queue calls it under its lock. Every operation is O(1) or O(log n): visible messages wait in
/// the <see cref="IDeliveryOrder"/>, delayed and in-flight ones in a <see cref="DueHeap"/> whose minimum is promoted
/// lazily when the queue is next used, so no timer exists per message.
/// </remarks>
internal sealed class MessageLedger(IDeliveryOrder order, TimeSpan visibilityTimeout, int? maxReceiveCount)
{
    private readonly DueHeap _due = new();
    private readonly Dictionary<string, QueuedMessage> _byReceipt = new(StringComparer.Ordinal);
    private readonly LinkedList<QueuedMessage> _sendOrder = new();

    /// <summary>Every message not yet deleted or redriven, oldest first.</summary>
    public IEnumerable<QueuedMessage> InSendOrder => _sendOrder;
    private readonly string _receiptPrefix = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + "-";
    private long _receiptSerial;
    private long _visible;
    private long _inFlight;
    private long _delayed;
    private bool _wakeRequested;

    /// <summary>When the next delayed or in-flight message becomes visible, or null when none will.</summary>
    public long? NextDueTicks => _due.Min?.DueTicks;

    /// <summary>Whether something became receivable (or the next due time moved earlier) since the last call: waiters must look again.</summary>
    public bool TakeWakeRequest()
    {
        var requested = _wakeRequested;
        _wakeRequested = false;
        return requested;
    }

    public void Add(QueuedMessage message, long nowTicks, long delayTicks)
    {
        message.SendOrderNode = _sendOrder.AddLast(message);
        if (delayTicks > 0)
        {
            message.State = MessageState.Delayed;
            message.DueTicks = nowTicks + delayTicks;
            Schedule(message);
            _delayed++;
        }
        else
        {
            message.State = MessageState.Visible;
            _visible++;
            _wakeRequested |= order.Add(message);
        }
    }

    /// <summary>Makes visible every delayed or in-flight message whose time has come.</summary>
    public void PromoteDue(long nowTicks)
    {
        while (_due.Min is { } message && message.DueTicks <= nowTicks)
        {
            _due.Pop();
            if (message.State == MessageState.InFlight)
            {
                _inFlight--;
                message.State = MessageState.Visible;
                _visible++;
                _wakeRequested |= order.Requeue(message);
            }
            else
            {
                _delayed--;
                message.State = MessageState.Visible;
                _visible++;
                _wakeRequested |= order.Add(message);
            }
        }
    }

    /// <summary>Receives up to <paramref name="maxMessages"/>; messages past <c>maxReceiveCount</c> are removed into <paramref name="redriven"/> instead.</summary>
    public void Take(int maxMessages, DateTimeOffset now, List<Delivery> taken, ref List<QueuedMessage>? redriven)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        order.BeginTake();
        try
        {
            while (taken.Count < maxMessages && order.TryTakeNext(out var message))
            {
                if (maxReceiveCount is { } limit && message.ReceiveCount >= limit)
                {
                    Remove(message);
                    (redriven ??= []).Add(message);
                    continue;
                }

                if (message.ReceiptHandle is not null)
                {
                    _byReceipt.Remove(message.ReceiptHandle);
                }

                var receiptHandle = _receiptPrefix + (++_receiptSerial).ToString("x", CultureInfo.InvariantCulture);
                message.ReceiptHandle = receiptHandle;
                _byReceipt.Add(receiptHandle, message);
                message.ReceiveCount++;
                message.FirstReceiveMs ??= nowMs;
                message.State = MessageState.InFlight;
                _visible--;
                _inFlight++;
                message.DueTicks = now.UtcTicks + visibilityTimeout.Ticks;
                Schedule(message);
                order.MarkTaken(message);
                taken.Add(new Delivery(message, receiptHandle, message.ReceiveCount, message.FirstReceiveMs.Value));
            }
        }
        finally
        {
            order.EndTake();
        }

        // Pass the baton: another waiter may take what this receive left.
        _wakeRequested |= order.HasReceivable;
    }

    /// <summary>The message received with <paramref name="receiptHandle"/>; false for an unknown or stale handle.</summary>
    public bool TryResolve(string receiptHandle, [NotNullWhen(true)] out QueuedMessage? message) =>
        _byReceipt.TryGetValue(receiptHandle, out message);

    /// <summary>Messages sent before <paramref name="cutoffMs"/> (Unix milliseconds), whatever their state.</summary>
    public List<QueuedMessage> SentBefore(long cutoffMs) => [.. _sendOrder.Where(message => message.SentAtMs < cutoffMs)];

    public VisibilityChange ChangeVisibility(string receiptHandle, long nowTicks, TimeSpan visibilityTimeout)
    {
        if (!_byReceipt.TryGetValue(receiptHandle, out var message))
        {
            return VisibilityChange.ReceiptHandleIsInvalid;
        }

        if (message.State != MessageState.InFlight)
        {
            return VisibilityChange.MessageNotInflight;
        }

        message.DueTicks = nowTicks + visibilityTimeout.Ticks;
        _due.Update(message);
        if (ReferenceEquals(_due.Min, message))
        {
            _wakeRequested = true;
        }

        if (visibilityTimeout == TimeSpan.Zero)
        {
            PromoteDue(nowTicks);
        }

        return VisibilityChange.Changed;
    }

    public QueueCounts GetCounts(DateTimeOffset now)
    {
        var oldestAge = _sendOrder.First is { } oldest
            ? TimeSpan.FromMilliseconds(Math.Max(0, now.ToUnixTimeMilliseconds() - oldest.Value.SentAtMs))
            : TimeSpan.Zero;
        return new QueueCounts(_visible, _inFlight, _delayed, oldestAge);
    }

    private void Schedule(QueuedMessage message)
    {
        var before = _due.Min;
        _due.Push(message);
        if (!ReferenceEquals(before, _due.Min))
        {
            _wakeRequested = true;
        }
    }

    /// <summary>Deletes the message, or drops it past its retention period.</summary>
    public void Remove(QueuedMessage message)
    {
        if (message.State == MessageState.Gone)
        {
            // Deleted by a concurrent call with the same handle, or redriven meanwhile.
            return;
        }

        var wasInFlight = message.State == MessageState.InFlight;
        switch (message.State)
        {
            case MessageState.Visible:
                _visible--;
                break;
            case MessageState.InFlight:
                _inFlight--;
                break;
            case MessageState.Delayed:
                _delayed--;
                break;
        }

        message.State = MessageState.Gone;
        _due.Remove(message);
        if (message.ReceiptHandle is not null)
        {
            _byReceipt.Remove(message.ReceiptHandle);
        }

        if (message.SendOrderNode is not null)
        {
            _sendOrder.Remove(message.SendOrderNode);
            message.SendOrderNode = null;
        }

        _wakeRequested |= order.Remove(message, wasInFlight);
    }
}
