using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Functions;

namespace GymCoach.Workers.Metrics;

/// <summary>Wraps a worker function: records what each event shows, times the invocation, and flushes the recorder's EMF lines afterwards.</summary>
/// <remarks>
/// Records <c>MessagesReceived</c>, <c>MessagesRetried</c> (receive count above 1), <c>QueueLag</c> (now − SentTimestamp
/// for every record) and <c>InvocationDuration</c>; when the inner function throws, <c>InvocationErrors</c> and every
/// record as <c>MessagesFailed</c> (the whole batch is retried), and the exception goes on unchanged. The flush runs in
/// <c>finally</c> so an invocation's metrics are written before Lambda may freeze the process. Under the local runner,
/// concurrent invocations share the recorder and one flush may carry another's metrics: each is still written once.
/// </remarks>
public sealed class MeteredSqsFunction : ISqsFunction
{
    private readonly ISqsFunction _inner;
    private readonly MetricsRecorder _recorder;
    private readonly string _queueName;
    private readonly TextWriter _output;
    private readonly TimeProvider _time;

    /// <param name="output">Where EMF lines go: <see cref="Console.Out"/> in Lambda.</param>
    public MeteredSqsFunction(ISqsFunction inner, MetricsRecorder recorder, string queueName, TextWriter output, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        ArgumentNullException.ThrowIfNull(output);
        _inner = inner;
        _recorder = recorder;
        _queueName = queueName;
        _output = output;
        _time = timeProvider ?? TimeProvider.System;
    }

    public async Task<SqsBatchResponse> InvokeAsync(SqsEvent sqsEvent, InvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sqsEvent);
        var started = _time.GetTimestamp();
        var records = sqsEvent.Records ?? [];
        RecordEvent(records);
        try
        {
            return await _inner.InvokeAsync(sqsEvent, context, cancellationToken);
        }
        catch
        {
            _recorder.Record(MetricCatalogue.InvocationErrors, 1, _queueName);
            _recorder.Record(MetricCatalogue.MessagesFailed, records.Count, _queueName);
            throw;
        }
        finally
        {
            _recorder.Record(MetricCatalogue.InvocationDuration, _time.GetElapsedTime(started), _queueName);
            _recorder.Flush(_output);
        }
    }

    private void RecordEvent(IReadOnlyList<SqsMessage> records)
    {
        var now = _time.GetUtcNow();
        var retried = 0;
        foreach (var record in records)
        {
            if (record is null)
            {
                continue;
            }

            if (record.ApproximateReceiveCount > 1)
            {
                retried++;
            }

            if (record.SentAt is { } sentAt)
            {
                // Clocks of SQS and Lambda can disagree by a little; a lag below zero means none.
                var lag = now - sentAt;
                _recorder.Record(MetricCatalogue.QueueLag, lag > TimeSpan.Zero ? lag : TimeSpan.Zero, _queueName);
            }
        }

        _recorder.Record(MetricCatalogue.MessagesReceived, records.Count, _queueName);
        _recorder.Record(MetricCatalogue.MessagesRetried, retried, _queueName);
    }
}
