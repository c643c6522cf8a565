using System.Collections.Concurrent;
using System.Diagnostics;
using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;
using GymCoach.Embedded.Queueing;
using GymCoach.Workers.Tests.Support;
using Xunit.Abstractions;

namespace GymCoach.Workers.Tests.Queueing;

/// <summary>Stress: several producers and consumers on one <see cref="EmbeddedQueue"/>; nothing lost, nothing doubled.</summary>
[Trait("Category", "Slow")]
public sealed class EmbeddedQueueConcurrencyTests(ITestOutputHelper output)
{
    private const int Producers = 4;
    private const int Consumers = 4;

    [Fact]
    public async Task EveryMessage_IsReceivedAndDeletedExactlyOnce()
    {
        const int perProducer = 5_000;
        var queue = new EmbeddedQueue(new EmbeddedQueueOptions { Name = "stress" });
        var received = new ConcurrentDictionary<string, int>();
        var failedDeletes = 0;
        var clock = Stopwatch.StartNew();

        var sentIds = await RunAsync(queue, perProducer, producer => i => QueueSamples.Message($"{producer}-{i}"), batch =>
        {
            foreach (var message in batch)
            {
                received.AddOrUpdate(message.MessageId, 1, (_, count) => count + 1);
            }
        }, count => Interlocked.Add(ref failedDeletes, count));

        output.WriteLine($"{Producers * perProducer} messages sent, received and deleted in {clock.ElapsedMilliseconds} ms " +
            $"({Producers * perProducer / clock.Elapsed.TotalSeconds:N0} msg/s).");
        Assert.Equal(Producers * perProducer, sentIds.Count);
        Assert.Equal(sentIds.Order(), received.Keys.Order());
        Assert.All(received.Values, count => Assert.Equal(1, count));
        Assert.Equal(0, failedDeletes);
        Assert.Equal(new QueueCounts(0, 0, 0, TimeSpan.Zero), await queue.GetCountsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task FifoGroups_AreDeliveredInOrder_UnderConcurrentConsumers()
    {
        const int perProducer = 2_000;
        const int groupsPerProducer = 8;
        var queue = new EmbeddedQueue(new EmbeddedQueueOptions { Name = "stress.fifo" });
        var deliveries = new ConcurrentDictionary<string, ConcurrentQueue<int>>();

        await RunAsync(queue, perProducer, producer => i => QueueSamples.FifoMessage($"{i}", $"{producer}-{i % groupsPerProducer}"), batch =>
        {
            foreach (var message in batch)
            {
                deliveries.GetOrAdd(message.MessageGroupId!, _ => new()).Enqueue(int.Parse(message.Body, System.Globalization.CultureInfo.InvariantCulture));
            }
        }, _ => { });

        Assert.Equal(Producers * groupsPerProducer, deliveries.Count);
        Assert.All(deliveries.Values, sequence => Assert.Equal(sequence.Order(), sequence));
        Assert.Equal(Producers * perProducer, deliveries.Values.Sum(sequence => sequence.Count));
    }

    [Fact]
    public async Task PoisonMessages_EndInTheDeadLetterQueue_AndTheRestAreDeletedOnce()
    {
        const int perProducer = 1_000;
        var deadLetters = new EmbeddedQueue(new EmbeddedQueueOptions { Name = "stress-dlq" });
        var queue = new EmbeddedQueue(new EmbeddedQueueOptions { Name = "stress-poison", MaxReceiveCount = 3, DeadLetterQueue = deadLetters });
        var deleted = new ConcurrentDictionary<string, int>();
        var total = Producers * perProducer;
        var poison = total / 10;
        var settled = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var producers = Enumerable.Range(0, Producers).Select(producer => Task.Run(async () =>
        {
            for (var i = 0; i < perProducer; i += 10)
            {
                await queue.SendBatchAsync([.. Enumerable.Range(i, 10).Select(n => QueueSamples.Message(n % 10 == 0 ? "poison" : $"{producer}-{n}"))], CancellationToken.None);
            }
        }));
        var consumers = Enumerable.Range(0, Consumers).Select(_ => Task.Run(async () =>
        {
            while (Volatile.Read(ref settled) < total - poison && !timeout.IsCancellationRequested)
            {
                foreach (var message in await queue.ReceiveAsync(10, TimeSpan.FromMilliseconds(100), CancellationToken.None))
                {
                    if (message.Body == "poison")
                    {
                        await queue.ChangeVisibilityAsync(message.ReceiptHandle!, TimeSpan.Zero, CancellationToken.None);
                    }
                    else if ((await queue.DeleteBatchAsync([message.ReceiptHandle!], CancellationToken.None)).Count == 0)
                    {
                        deleted.AddOrUpdate(message.MessageId, 1, (_, count) => count + 1);
                        Interlocked.Increment(ref settled);
                    }
                }
            }
        }));
        await Task.WhenAll([.. producers, .. consumers]);

        // Poison messages not yet received three times move to the dead-letter queue on later receives.
        var counts = await ContractPolling.UntilAsync(
            async () =>
            {
                foreach (var message in await queue.ReceiveAsync(10, TimeSpan.Zero, CancellationToken.None))
                {
                    await queue.ChangeVisibilityAsync(message.ReceiptHandle!, TimeSpan.Zero, CancellationToken.None);
                }

                return await deadLetters.GetCountsAsync(CancellationToken.None);
            },
            counts => counts.Visible == poison,
            TimeSpan.FromSeconds(10),
            TimeSpan.Zero);
        Assert.Equal(total - poison, deleted.Count);
        Assert.All(deleted.Values, count => Assert.Equal(1, count));
        Assert.Equal(poison, counts.Visible);
        Assert.Equal(0, (await queue.GetCountsAsync(CancellationToken.None)).Total);
    }

    private static async Task<List<string>> RunAsync(
        EmbeddedQueue queue,
        int perProducer,
        Func<int, Func<int, OutgoingMessage>> messageOf,
        Action<IReadOnlyList<SqsMessage>> onReceived,
        Action<int> onFailedDeletes)
    {
        var total = Producers * perProducer;
        var remaining = total;
        using var done = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var sentIds = new ConcurrentBag<string>();

        var producers = Enumerable.Range(0, Producers).Select(producer => Task.Run(async () =>
        {
            var create = messageOf(producer);
            for (var i = 0; i < perProducer; i += 10)
            {
                var outcomes = await queue.SendBatchAsync([.. Enumerable.Range(i, 10).Select(create)], CancellationToken.None);
                foreach (var outcome in outcomes)
                {
                    sentIds.Add(outcome.MessageId ?? throw new InvalidOperationException(outcome.Error));
                }
            }
        }));

        var consumers = Enumerable.Range(0, Consumers).Select(_ => Task.Run(async () =>
        {
            try
            {
                while (Volatile.Read(ref remaining) > 0)
                {
                    var batch = await queue.ReceiveAsync(10, TimeSpan.FromSeconds(1), done.Token);
                    if (batch.Count == 0)
                    {
                        continue;
                    }

                    onReceived(batch);
                    var failed = await queue.DeleteBatchAsync([.. batch.Select(message => message.ReceiptHandle!)], CancellationToken.None);
                    onFailedDeletes(failed.Count);
                    if (Interlocked.Add(ref remaining, -batch.Count) <= 0)
                    {
                        await done.CancelAsync();
                    }
                }
            }
            catch (OperationCanceledException) when (Volatile.Read(ref remaining) <= 0)
            {
                // Another consumer took the last message while this one was polling.
            }
        }));

        await Task.WhenAll([.. producers, .. consumers]);
        Assert.True(remaining <= 0, $"{remaining} messages were never received.");
        return [.. sentIds];
    }
}
