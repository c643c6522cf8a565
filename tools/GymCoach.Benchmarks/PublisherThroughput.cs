using System.Diagnostics;
using System.Globalization;
using Amazon.SQS;
using Amazon.SQS.Model;
using GymCoach.Aws.Sqs;
using GymCoach.Cli.Emulators;
using GymCoach.Contracts.Queueing;
using GymCoach.Workers.Publishing;
using GymCoach.Workers.Queueing;

namespace GymCoach.Benchmarks;

/// <summary>
/// SqsBatchPublisher against a naive one-SendMessage-per-message loop, on fauxqs, in one run: throughput and SQS requests.
/// </summary>
/// <remarks>
/// A harness rather than a BenchmarkDotNet class: each case moves thousands of messages through a real HTTP endpoint,
/// so the figure of interest is messages per second over the whole run, and the ratios beside each other.
/// Run: <c>dotnet run -c Release --project tools/GymCoach.Benchmarks -- publisher-throughput [--messages N] [--callers N]</c>.
/// </remarks>
internal static class PublisherThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        var messages = ReadOption(args, "--messages", 20_000);
        var callers = ReadOption(args, "--callers", 16);
        await using var fauxqs = await FauxqsServer.StartAsync(CancellationToken.None);
        using var client = SqsClientFactory.Create(fauxqs.Connection);
        var provisioner = new SqsQueueProvisioner(client);
        var bodies = Enumerable.Range(0, messages).Select(Body).ToArray();

        Console.WriteLine($"fauxqs {FauxqsServer.PackageVersion} at {fauxqs.Endpoint}; {messages} messages of {bodies[0].Length} bytes; {callers} concurrent callers where concurrent");
        var cases = new (string Name, Func<SqsQueue, string[], Task<long>> Run)[]
        {
            ("naive SendMessage, 1 caller", (queue, b) => NaiveAsync(client, queue, b, 1)),
            ($"naive SendMessage, {callers} callers", (queue, b) => NaiveAsync(client, queue, b, callers)),
            ($"publisher, {callers} callers awaiting each", (queue, b) => PublisherAsync(queue, b, callers)),
            ("publisher, all published then awaited", (queue, b) => PublisherAsync(queue, b, callers: 0)),
        };

        Console.WriteLine($"{"case",-44} {"seconds",8} {"msg/s",9} {"requests",9} {"× naive",8}");
        double? baseline = null;
        foreach (var (name, run) in cases)
        {
            var definition = new QueueDefinition { Name = "bench-" + Guid.NewGuid().ToString("N")[..12], MaxReceiveCount = null };
            var queue = (await provisioner.EnsureAsync(definition, CancellationToken.None)).Queue;
            await run(queue, bodies[..Math.Min(500, bodies.Length)]);
            await client.PurgeQueueAsync(new PurgeQueueRequest { QueueUrl = queue.Url });

            var stopwatch = Stopwatch.StartNew();
            var requests = await run(queue, bodies);
            stopwatch.Stop();
            var rate = messages / stopwatch.Elapsed.TotalSeconds;
            baseline ??= rate;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture, $"{name,-44} {stopwatch.Elapsed.TotalSeconds,8:F2} {rate,9:F0} {requests,9} {rate / baseline,8:F1}"));
            await provisioner.DeleteAsync(definition, CancellationToken.None);
        }

        return 0;
    }

    private static async Task<long> NaiveAsync(AmazonSQSClient client, SqsQueue queue, string[] bodies, int callers)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Length)
            {
                await client.SendMessageAsync(new SendMessageRequest { QueueUrl = queue.Url, MessageBody = bodies[i] }, CancellationToken.None);
            }
        }));
        return bodies.Length;
    }

    /// <summary>With <paramref name="callers"/> 0, every message is published at once and then awaited; otherwise each caller awaits its message before the next.</summary>
    private static async Task<long> PublisherAsync(SqsQueue queue, string[] bodies, int callers)
    {
        var counting = new CountingQueue(queue);
        await using (var publisher = new SqsBatchPublisher(counting, new SqsBatchPublisherOptions { MaxBufferedMessages = 10_000 }))
        {
            if (callers == 0)
            {
                var publishing = new Task<string>[bodies.Length];
                for (var i = 0; i < bodies.Length; i++)
                {
                    publishing[i] = publisher.PublishAsync(new OutgoingMessage { Body = bodies[i] }, CancellationToken.None);
                }

                await Task.WhenAll(publishing);
            }
            else
            {
                var next = -1;
                await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
                {
                    int i;
                    while ((i = Interlocked.Increment(ref next)) < bodies.Length)
                    {
                        await publisher.PublishAsync(new OutgoingMessage { Body = bodies[i] }, CancellationToken.None);
                    }
                }));
            }
        }

        return counting.Calls;
    }

    private static string Body(int i) => string.Create(
        CultureInfo.InvariantCulture,
        $$$"""{"specversion":"1.0","id":"w-{{{i:D8}}}","source":"bench","type":"gymcoach.workout.logged.v1","data":{"userId":"user-{{{i % 200:D5}}}","sets":[{"exercise":"squat","reps":5,"weight":{{{100 + (i % 50)}}}}]}}""");

    private static int ReadOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed class CountingQueue(IMessageQueue inner) : IMessageQueue
    {
        private long _calls;

        public long Calls => Interlocked.Read(ref _calls);

        public string Name => inner.Name;

        public string Arn => inner.Arn;

        public Task<IReadOnlyList<SendOutcome>> SendBatchAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return inner.SendBatchAsync(messages, cancellationToken);
        }

        public Task<IReadOnlyList<Contracts.Lambda.SqsMessage>> ReceiveAsync(int maxMessages, TimeSpan waitTime, CancellationToken cancellationToken) =>
            inner.ReceiveAsync(maxMessages, waitTime, cancellationToken);

        public Task<IReadOnlyList<string>> DeleteBatchAsync(IReadOnlyList<string> receiptHandles, CancellationToken cancellationToken) =>
            inner.DeleteBatchAsync(receiptHandles, cancellationToken);

        public Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken) =>
            inner.ChangeVisibilityAsync(receiptHandle, visibilityTimeout, cancellationToken);

        public Task<QueueCounts> GetCountsAsync(CancellationToken cancellationToken) => inner.GetCountsAsync(cancellationToken);

        public Task<TimeSpan> GetVisibilityTimeoutAsync(CancellationToken cancellationToken) => inner.GetVisibilityTimeoutAsync(cancellationToken);
    }
}
