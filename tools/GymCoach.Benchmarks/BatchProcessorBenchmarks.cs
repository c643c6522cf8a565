using System.Globalization;
using BenchmarkDotNet.Attributes;
using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Batching;

namespace GymCoach.Benchmarks;

/// <summary>The batch processor's overhead per message over handling the same messages in a plain loop.</summary>
/// <remarks>Divide Mean and Allocated by <see cref="Messages"/> for the cost per message.</remarks>
[MemoryDiagnoser]
public class BatchProcessorBenchmarks
{
    private readonly TrivialHandler _handler = new();
    private readonly BatchProcessor _processor = new(new BatchProcessorOptions());
    private SqsEvent _event = new() { Records = [] };

    [Params(10, 100, 1000)]
    public int Messages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var records = new SqsMessage[Messages];
        for (var i = 0; i < records.Length; i++)
        {
            var id = "m" + i.ToString("D4", CultureInfo.InvariantCulture);
            records[i] = new SqsMessage
            {
                MessageId = id,
                ReceiptHandle = "rh-" + id,
                Body = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\"}",
                EventSource = "aws:sqs",
                EventSourceArn = "arn:aws:sqs:eu-west-1:123456789012:gymcoach-workouts",
            };
        }

        _event = new SqsEvent { Records = records };
    }

    /// <summary>One scope for every message, handled in order, completed once: no chunks, deadline or failure tracking.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> PlainLoop()
    {
        var records = _event.Records;
        var scope = _handler.BeginChunk();
        var handled = new List<SqsMessage>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            await scope.HandleAsync(records[i], CancellationToken.None);
            handled.Add(records[i]);
        }

        await scope.CompleteAsync(new ChunkCompletion(handled), CancellationToken.None);
        return handled.Count;
    }

    /// <summary>The processor with its defaults (chunks of 100, 5 at once) and a deadline a few minutes away, as in Lambda.</summary>
    [Benchmark]
    public async Task<int> Processor()
    {
        var outcome = await _processor.ProcessAsync(_event, _handler, DateTimeOffset.UtcNow.AddMinutes(5), CancellationToken.None);
        return outcome.Succeeded;
    }

    private sealed class TrivialHandler : IMessageHandler
    {
        public IChunkScope BeginChunk() => new Scope();

        private sealed class Scope : IChunkScope
        {
            private long _bodyLength;

            public ValueTask HandleAsync(SqsMessage message, CancellationToken cancellationToken)
            {
                _bodyLength += message.Body.Length;
                return ValueTask.CompletedTask;
            }

            public ValueTask CompleteAsync(ChunkCompletion completion, CancellationToken cancellationToken) =>
                _bodyLength > 0 ? ValueTask.CompletedTask : throw new InvalidOperationException("Nothing was handled.");
        }
    }
}
