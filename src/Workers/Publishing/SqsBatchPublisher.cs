using System.Threading.Channels;
using GymCoach.Contracts.Queueing;

namespace GymCoach.Workers.Publishing;

/// <summary>Publishes single messages to a queue in SendMessageBatch calls: the .NET counterpart of the Java SDK's SqsAsyncBatchManager.</summary>
/// <remarks>
/// Callers publish one message at a time; a bounded buffer collects them and one background loop cuts batches at 10
/// entries, at 1 MiB, or when <see cref="SqsBatchPublisherOptions.Linger"/> has passed since the batch's first message.
/// Up to <see cref="SqsBatchPublisherOptions.MaxConcurrentBatches"/> batches are in flight; entries that fail for a
/// transient reason are resent alone with exponential backoff and jitter, entries SQS refuses (sender faults) fail at
/// once. Each caller's task completes with its message id or a <see cref="PublishFailedException"/>. When the buffer is
/// full, <see cref="PublishAsync"/> waits for room. <see cref="FlushAsync"/> and <see cref="DisposeAsync"/> send
/// everything accepted before them. Written against <see cref="IMessageQueue"/>, so it works on every backend.
/// </remarks>
public sealed class SqsBatchPublisher : IAsyncDisposable
{
    private readonly SqsBatchPublisherOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Channel<PendingMessage> _buffer;
    private readonly BatchSender _sender;
    private readonly Task _loop;
    private CancellationTokenSource? _lingerTimer;
    private int _disposed;

    /// <param name="timeProvider">The clock the linger and the backoffs wait on; default <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public SqsBatchPublisher(IMessageQueue queue, SqsBatchPublisherOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(queue);
        options ??= new SqsBatchPublisherOptions();
        options.Validate();
        _options = options.Copy();
        _timeProvider = timeProvider ?? TimeProvider.System;
        Queue = queue;
        _buffer = Channel.CreateBounded<PendingMessage>(new BoundedChannelOptions(_options.MaxBufferedMessages)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _sender = new BatchSender(queue, _options, _timeProvider);
        _loop = RunAsync();
    }

    public IMessageQueue Queue { get; }

    /// <summary>Messages accepted and not yet taken into a batch.</summary>
    public int BufferedMessages => _buffer.Reader.Count;

    /// <summary>Accepts <paramref name="message"/> for the next batch; the task completes with its SQS message id once it is queued.</summary>
    /// <param name="cancellationToken">Stops waiting for room in a full buffer. A message once accepted is sent regardless.</param>
    /// <exception cref="ArgumentException">The message is larger than <see cref="SqsBatchPublisherOptions.MaxMessageBytes"/>; nothing was sent.</exception>
    /// <exception cref="ObjectDisposedException">The publisher is disposed or being disposed.</exception>
    /// <exception cref="PublishFailedException">(From the task.) SQS refused the message, or every attempt failed.</exception>
    public Task<string> PublishAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var size = OutgoingMessageSize.Of(message);
        if (size > _options.MaxMessageBytes)
        {
            throw new ArgumentException($"The message is {size} bytes; SQS accepts at most {_options.MaxMessageBytes} bytes (body and attributes).", nameof(message));
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var pending = new PendingMessage(message, size);
        return _buffer.Writer.TryWrite(pending) ? pending.Task : PublishWhenRoomAsync(pending, cancellationToken);
    }

    /// <summary>Sends everything accepted so far without waiting for the linger, and completes when all of it has completed.</summary>
    /// <remarks>Individual failures are reported through the messages' own tasks, not here.</remarks>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var marker = PendingMessage.FlushMarker();
        await WriteAsync(marker, cancellationToken);
        await marker.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops accepting messages, sends everything accepted, and waits until it has completed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _buffer.Writer.TryComplete();
        }

        await _loop;
    }

    private async Task<string> PublishWhenRoomAsync(PendingMessage pending, CancellationToken cancellationToken)
    {
        await WriteAsync(pending, cancellationToken);
        return await pending.Task;
    }

    private async ValueTask WriteAsync(PendingMessage pending, CancellationToken cancellationToken)
    {
        try
        {
            await _buffer.Writer.WriteAsync(pending, cancellationToken);
        }
        catch (ChannelClosedException ex)
        {
            throw new ObjectDisposedException($"The publisher of queue {Queue.Name} is disposed.", ex);
        }
    }

    private async Task RunAsync()
    {
        var reader = _buffer.Reader;
        Exception? failure = null;
        try
        {
            while (await reader.WaitToReadAsync())
            {
                var batch = new List<PendingMessage>(MessageBatch.MaxEntries);
                var bytes = 0;
                long? firstTakenAt = null;
                while (!TakeAvailable(reader, batch, ref bytes) && batch.Count > 0)
                {
                    firstTakenAt ??= _timeProvider.GetTimestamp();
                    var remaining = _options.Linger - _timeProvider.GetElapsedTime(firstTakenAt.Value);
                    if (remaining <= TimeSpan.Zero || !await WaitForMoreAsync(reader, remaining))
                    {
                        break;
                    }
                }

                if (batch.Count > 0)
                {
                    await _sender.StartAsync(batch);
                }
            }
        }
        catch (Exception ex)
        {
            failure = ex;
            throw;
        }
        finally
        {
            // Only after a bug: refuse new messages and fail the ones still buffered, rather than leave callers waiting.
            _buffer.Writer.TryComplete(failure);
            while (reader.TryRead(out var left))
            {
                left.TrySetException(new PublishFailedException($"The publisher of queue {Queue.Name} stopped.", failure));
            }

            await _sender.WhenAllSentAsync();
            _sender.Dispose();
            _lingerTimer?.Dispose();
        }
    }

    /// <summary>Moves buffered messages into <paramref name="batch"/>; true when it must go now (full, next one does not fit, or a flush is asked for).</summary>
    private bool TakeAvailable(ChannelReader<PendingMessage> reader, List<PendingMessage> batch, ref int bytes)
    {
        while (reader.TryPeek(out var next))
        {
            if (next.IsFlushMarker)
            {
                if (batch.Count > 0)
                {
                    return true;
                }

                reader.TryRead(out _);
                _sender.CompleteAfterInFlight(next);
                continue;
            }

            if (batch.Count == MessageBatch.MaxEntries || bytes + next.SizeInBytes > _options.MaxMessageBytes)
            {
                return true;
            }

            reader.TryRead(out _);
            batch.Add(next);
            bytes += next.SizeInBytes;
        }

        return batch.Count == MessageBatch.MaxEntries;
    }

    /// <summary>Waits up to <paramref name="timeout"/> for another message; false when the buffer is completed and empty.</summary>
    private async ValueTask<bool> WaitForMoreAsync(ChannelReader<PendingMessage> reader, TimeSpan timeout)
    {
        // One timer source, reset and reused while it has not fired, instead of one per batch.
        _lingerTimer ??= new CancellationTokenSource(Timeout.InfiniteTimeSpan, _timeProvider);
        _lingerTimer.CancelAfter(timeout);
        try
        {
            return await reader.WaitToReadAsync(_lingerTimer.Token);
        }
        catch (OperationCanceledException)
        {
            return true;
        }
        finally
        {
            // Stopped explicitly before TryReset, whichever TimeProvider made the timer: a timer left running would cut
            // a later batch's linger short.
            _lingerTimer.CancelAfter(Timeout.InfiniteTimeSpan);
            if (!_lingerTimer.TryReset())
            {
                _lingerTimer.Dispose();
                _lingerTimer = null;
            }
        }
    }
}
