using System.Globalization;
using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;
using GymCoach.Embedded.Queueing.Journal;
using GymCoach.Workers.Queueing;

namespace GymCoach.Embedded.Queueing;

/// <summary>An in-process queue with Amazon SQS semantics, for running the pipeline on one machine.</summary>
/// <remarks>
/// Not a mock: at-least-once delivery, visibility timeouts, receive counts, redrive to a dead-letter queue on the
/// receive after <see cref="EmbeddedQueueOptions.MaxReceiveCount"/>, delays, long polling, FIFO group order and
/// five-minute deduplication behave as in SQS, and every SQS limit the pipeline relies on is enforced. Messages are
/// kept until deleted, redriven or dropped by <see cref="RemoveExpired"/>. State lives behind one lock with O(log n)
/// operations; a channel wakes long-poll waiters, which otherwise sleep until their wait ends or the next message
/// becomes visible. With an <see cref="IQueueJournal"/>, every change is committed to it before it is acknowledged;
/// the FIFO deduplication window stays in memory.
/// </remarks>
public sealed class EmbeddedQueue : IMessageQueue
{
    private readonly Lock _gate = new();
    private readonly EmbeddedQueueOptions _options;
    private readonly TimeProvider _time;
    private readonly MessageLedger _ledger;
    private readonly DeduplicationWindow? _deduplication;
    private readonly DeliveredMessageFactory _factory;
    private readonly LongPollSignal _signal;
    private readonly IQueueJournal? _journal;
    private long _sequenceNumber;

    /// <param name="journal">Where changes are made durable; null keeps the queue in memory only.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public EmbeddedQueue(EmbeddedQueueOptions options, TimeProvider? timeProvider = null, IQueueJournal? journal = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options.Copy();
        _time = timeProvider ?? TimeProvider.System;
        IDeliveryOrder order = _options.IsFifo ? new FifoDeliveryOrder() : new StandardDeliveryOrder();
        _ledger = new MessageLedger(order, _options.VisibilityTimeout, _options.MaxReceiveCount);
        _deduplication = _options.IsFifo ? new DeduplicationWindow() : null;
        Arn = $"arn:aws:sqs:{_options.Region}:{_options.AccountId}:{_options.Name}";
        _factory = new DeliveredMessageFactory(Arn, _options.Region, _options.AccountId);
        _signal = new LongPollSignal(_time);
        _journal = journal;
    }

    public string Name => _options.Name;

    public string Arn { get; }

    public bool IsFifo => _options.IsFifo;

    /// <summary>Where messages go after <see cref="EmbeddedQueueOptions.MaxReceiveCount"/> receives, or null.</summary>
    public EmbeddedQueue? DeadLetterQueue => _options.DeadLetterQueue;

    /// <inheritdoc/>
    /// <remarks>
    /// An invalid entry (empty or oversized body, bad delay, missing FIFO group) fails alone as a sender fault. A FIFO
    /// duplicate within five minutes succeeds with the original message id and adds nothing.
    /// </remarks>
    /// <exception cref="ArgumentException">The batch is empty, has more than 10 entries, or its valid entries exceed 1 MiB together.</exception>
    public Task<IReadOnlyList<SendOutcome>> SendBatchAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        CheckBatchSize(messages, nameof(messages));
        cancellationToken.ThrowIfCancellationRequested();

        var outcomes = new SendOutcome?[messages.Count];
        var contents = SentContents.Prepare(messages, _options, outcomes);
        var now = _time.GetUtcNow();
        List<(QueuedMessage Message, long DelayTicks)> added;
        bool wake;
        if (IsFifo)
        {
            // Deduplication and sequence numbers decide under the lock what is added, so the journal is kept there too.
            lock (_gate)
            {
                added = Admit(messages, contents, now, outcomes);
                Journal(added);
                wake = AddAll(added, now);
            }
        }
        else
        {
            // Unseen until added, so committed first without the lock: concurrent senders' commits can be grouped.
            added = Admit(messages, contents, now, outcomes);
            Journal(added);
            lock (_gate)
            {
                wake = AddAll(added, now);
            }
        }

        Signal(wake);
        return Task.FromResult<IReadOnlyList<SendOutcome>>(outcomes!);

        void Journal(List<(QueuedMessage Message, long DelayTicks)> admitted) =>
            _journal?.Added(Name, [.. admitted.Select(entry => PersistedMessages.From(entry.Message, entry.DelayTicks))]);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxMessages"/> is outside 1–10 or <paramref name="waitTime"/> outside 0–20 s.</exception>
    public async Task<IReadOnlyList<SqsMessage>> ReceiveAsync(int maxMessages, TimeSpan waitTime, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, MessageBatch.MaxEntries);
        ArgumentOutOfRangeException.ThrowIfLessThan(waitTime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(waitTime, QueueLimits.MaxWaitTime);
        cancellationToken.ThrowIfCancellationRequested();

        var deadline = _time.GetUtcNow() + waitTime;
        var deliveries = new List<Delivery>(maxMessages);
        var drained = false;
        while (true)
        {
            List<QueuedMessage>? redriven = null;
            DateTimeOffset now;
            var sleep = TimeSpan.Zero;
            bool wake;
            lock (_gate)
            {
                now = _time.GetUtcNow();
                _ledger.PromoteDue(now.UtcTicks);
                _ledger.Take(maxMessages, now, deliveries, ref redriven);
                if (deliveries.Count == 0 && redriven is null && now < deadline && drained)
                {
                    // Registered under the lock, so any later change that makes a message receivable pulses us.
                    _signal.Register();
                    var until = _ledger.NextDueTicks is { } due && due < deadline.UtcTicks ? due : deadline.UtcTicks;
                    sleep = TimeSpan.FromTicks(Math.Max(until - now.UtcTicks, TimeSpan.TicksPerMillisecond));
                }

                wake = TakeWakeUp();
            }

            Signal(wake);

            // Committed before anyone is given the messages; taken already, so no other receiver can get them meanwhile.
            if (_journal is not null && (deliveries.Count > 0 || redriven is not null))
            {
                _journal.Received(
                    Name,
                    [.. deliveries.Select(delivery => new MessageReceipt(delivery.Message.Content.MessageId, delivery.ReceiveCount, delivery.FirstReceiveMs))],
                    redriven is null ? [] : [.. redriven.Select(message => message.Content.MessageId)],
                    _options.DeadLetterQueue?.Name,
                    Arn);
            }

            if (redriven is not null)
            {
                _options.DeadLetterQueue!.AcceptRedriven(redriven, Arn);
            }

            if (deliveries.Count > 0)
            {
                return _factory.Create(deliveries);
            }

            if (redriven is not null)
            {
                continue;
            }

            if (now >= deadline)
            {
                return [];
            }

            if (!drained)
            {
                // Drop a stale pulse before the last look, so the wait below ends only for news.
                _signal.Drain();
                drained = true;
                continue;
            }

            await _signal.WaitAsync(sleep, cancellationToken);
            drained = false;
        }
    }

    /// <inheritdoc/>
    /// <remarks>An unknown handle, or one from an earlier receive of a message that was received again since, is returned as failed.</remarks>
    /// <exception cref="ArgumentException">The batch is empty or has more than 10 entries.</exception>
    public Task<IReadOnlyList<string>> DeleteBatchAsync(IReadOnlyList<string> receiptHandles, CancellationToken cancellationToken)
    {
        CheckBatchSize(receiptHandles, nameof(receiptHandles));
        cancellationToken.ThrowIfCancellationRequested();

        List<string>? failed = null;
        var deleted = new List<QueuedMessage>(receiptHandles.Count);
        lock (_gate)
        {
            foreach (var handle in receiptHandles)
            {
                // A handle given twice deletes once; the second is stale, as after a delete in SQS.
                if (string.IsNullOrEmpty(handle) || !_ledger.TryResolve(handle, out var message) || deleted.Contains(message))
                {
                    (failed ??= []).Add(handle ?? string.Empty);
                    continue;
                }

                deleted.Add(message);
            }
        }

        // Committed without the lock, so concurrent deletes, sends and receives can be grouped; gone from memory only
        // once gone for good. (A message redelivered in between, its visibility having just run out, is deleted all the same.)
        _journal?.Removed(Name, [.. deleted.Select(message => message.Content.MessageId)]);
        bool wake;
        lock (_gate)
        {
            foreach (var message in deleted)
            {
                _ledger.Remove(message);
            }

            wake = TakeWakeUp();
        }

        Signal(wake);
        return Task.FromResult<IReadOnlyList<string>>(failed ?? (IReadOnlyList<string>)[]);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The new timeout counts from now. Fails with <see cref="InvalidOperationException"/> whose message starts with the
    /// SQS error code: <c>ReceiptHandleIsInvalid</c> for an unknown or stale handle, <c>MessageNotInflight</c> when the
    /// message is visible again.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="visibilityTimeout"/> is outside 0–12 h.</exception>
    public Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(receiptHandle);
        ArgumentOutOfRangeException.ThrowIfLessThan(visibilityTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(visibilityTimeout, QueueLimits.MaxVisibilityTimeout);
        cancellationToken.ThrowIfCancellationRequested();

        VisibilityChange result;
        bool wake;
        lock (_gate)
        {
            var nowTicks = _time.GetUtcNow().UtcTicks;
            _ledger.PromoteDue(nowTicks);
            result = _ledger.ChangeVisibility(receiptHandle, nowTicks, visibilityTimeout);
            wake = TakeWakeUp();
        }

        Signal(wake);
        return result switch
        {
            VisibilityChange.Changed => Task.CompletedTask,
            VisibilityChange.MessageNotInflight => Task.FromException(new InvalidOperationException(
                $"MessageNotInflight: The message of receipt handle '{receiptHandle}' in queue {Name} is not in flight.")),
            _ => Task.FromException(new InvalidOperationException(
                $"ReceiptHandleIsInvalid: The receipt handle '{receiptHandle}' is not valid for queue {Name}, or is stale.")),
        };
    }

    /// <inheritdoc/>
    /// <remarks>Exact rather than approximate; <see cref="QueueCounts.OldestMessageAge"/> is zero on an empty queue.</remarks>
    public Task<QueueCounts> GetCountsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        QueueCounts counts;
        bool wake;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            _ledger.PromoteDue(now.UtcTicks);
            counts = _ledger.GetCounts(now);
            wake = TakeWakeUp();
        }

        Signal(wake);
        return Task.FromResult(counts);
    }

    /// <inheritdoc/>
    public Task<TimeSpan> GetVisibilityTimeoutAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_options.VisibilityTimeout);
    }

    /// <summary>Puts back messages a journal kept, with their ids, receive counts and pending delays; none is in flight.</summary>
    /// <remarks>For loading the queue when a process starts, before anyone uses it: nothing is written to the journal.</remarks>
    public void Restore(IEnumerable<PersistedMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            foreach (var persisted in messages)
            {
                var message = PersistedMessages.ToQueued(persisted, _options);
                if (message.SequenceNumber is { } sequence && long.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    _sequenceNumber = Math.Max(_sequenceNumber, number);
                }

                var delayMs = persisted.VisibleAfterMs - now.ToUnixTimeMilliseconds();
                _ledger.Add(message, now.UtcTicks, delayMs > 0 ? TimeSpan.FromMilliseconds(delayMs).Ticks : 0);
            }

            _ = TakeWakeUp();
        }
    }

    /// <summary>Drops every message sent longer ago than <paramref name="retentionPeriod"/>, as SQS does; returns how many.</summary>
    public int RemoveExpired(TimeSpan retentionPeriod)
    {
        lock (_gate)
        {
            var expired = _ledger.SentBefore((_time.GetUtcNow() - retentionPeriod).ToUnixTimeMilliseconds());
            RemoveAll(expired);
            return expired.Count;
        }
    }

    /// <summary>Takes messages redriven from a source queue, keeping their id, body, attributes and receive count.</summary>
    internal void AcceptRedriven(List<QueuedMessage> messages, string sourceArn)
    {
        bool wake;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            foreach (var message in messages)
            {
                var moved = message.ForDeadLetter(sourceArn);
                if (IsFifo)
                {
                    moved.SequenceNumber = NextSequenceNumber();
                }

                _ledger.Add(moved, now.UtcTicks, delayTicks: 0);
            }

            wake = TakeWakeUp();
        }

        Signal(wake);
    }

    private static void CheckBatchSize<T>(IReadOnlyList<T> entries, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(entries, parameterName);
        if (entries.Count == 0)
        {
            throw new ArgumentException("EmptyBatchRequest: The batch request doesn't contain any entries.", parameterName);
        }

        if (entries.Count > MessageBatch.MaxEntries)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"TooManyEntriesInBatchRequest: Maximum number of entries per request are {MessageBatch.MaxEntries}; received {entries.Count}."),
                parameterName);
        }
    }

    // Under the lock for a FIFO queue: the messages to add, the outcomes filled in.
    private List<(QueuedMessage Message, long DelayTicks)> Admit(IReadOnlyList<OutgoingMessage> messages, SentContent?[] contents, DateTimeOffset now, SendOutcome?[] outcomes)
    {
        var added = new List<(QueuedMessage Message, long DelayTicks)>(contents.Length);
        for (var i = 0; i < contents.Length; i++)
        {
            if (contents[i] is { } content)
            {
                var message = NewMessage(content, now, out var messageId);
                outcomes[i] = new SendOutcome(messageId, null);
                if (message is not null)
                {
                    added.Add((message, messages[i].Delay.Ticks));
                }
            }
        }

        return added;
    }

    // Under the lock: returns whether waiters must look again.
    private bool AddAll(List<(QueuedMessage Message, long DelayTicks)> added, DateTimeOffset now)
    {
        foreach (var (message, delayTicks) in added)
        {
            _ledger.Add(message, now.UtcTicks, delayTicks);
        }

        return TakeWakeUp();
    }

    // Under the lock for a FIFO queue: the message to add, or null for a FIFO duplicate, which keeps the original's id.
    private QueuedMessage? NewMessage(SentContent content, DateTimeOffset now, out string messageId)
    {
        messageId = content.MessageId;
        if (_deduplication is not null)
        {
            if (_deduplication.TryGetOriginal(content.DeduplicationId!, now.UtcTicks, out var originalId))
            {
                messageId = originalId;
                return null;
            }

            _deduplication.Remember(content.DeduplicationId!, content.MessageId, now.UtcTicks);
        }

        var message = new QueuedMessage(content, now.ToUnixTimeMilliseconds());
        if (IsFifo)
        {
            message.SequenceNumber = NextSequenceNumber();
        }

        return message;
    }

    // Under the lock: journal first, so a message is gone from memory only once it is gone for good.
    private void RemoveAll(List<QueuedMessage> messages)
    {
        if (messages.Count == 0)
        {
            return;
        }

        _journal?.Removed(Name, [.. messages.Select(message => message.Content.MessageId)]);
        foreach (var message in messages)
        {
            _ledger.Remove(message);
        }
    }

    private string NextSequenceNumber() => (++_sequenceNumber).ToString("D20", CultureInfo.InvariantCulture);

    // Under the lock: consumes the ledger's request, and only signals when someone waits.
    private bool TakeWakeUp() => _ledger.TakeWakeRequest() && _signal.HasWaiters;

    private void Signal(bool wake)
    {
        if (wake)
        {
            _signal.Pulse();
        }
    }
}
