using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.SQS;
using Amazon.SQS.Model;
using GymCoach.Contracts.Events;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Metrics;

namespace GymCoach.Benchmarks.Pipeline;

/// <summary>
/// The consumer a team would hand-write with the AWS SDK: 8 pollers receiving 10 messages with long polls, a BatchWriteItem
/// (up to 25 items) for the workouts, one UpdateItem per user per batch adding to the user's totals, then DeleteMessageBatch.
/// </summary>
/// <remarks>
/// Written plainly on purpose, as the baseline the pipeline is compared with. It keeps totals only (workouts, sets, reps,
/// volume) where the pipeline computes the whole analytics document, and it does not deduplicate: a redelivered message
/// adds to the totals again. A batch that fails is left to the visibility timeout, as such a consumer would leave it.
/// </remarks>
internal sealed class HandWrittenConsumer(IAmazonSQS sqs, IAmazonDynamoDB dynamoDb, string tableName)
{
    public const int Pollers = 8;

    /// <summary>The sort key of a user's totals item, beside their workouts under <see cref="UserKey"/>.</summary>
    public const string TotalsKey = "TOTALS";

    private const int MaxBatchWriteItems = 25;

    private long _processed;
    private long _redeliveries;
    private long _failedBatches;
    private long _batchWrites;
    private long _batchWriteRetries;
    private long _itemsWritten;
    private long _updates;

    public LatencyHistogram BatchDuration { get; private set; } = new();

    public long Redeliveries => Interlocked.Read(ref _redeliveries);

    public long FailedBatches => Interlocked.Read(ref _failedBatches);

    /// <summary>DynamoDB requests: BatchWriteItem (resends of unprocessed items included) and UpdateItem.</summary>
    public long DynamoDbRequests => Interlocked.Read(ref _batchWrites) + Interlocked.Read(ref _updates);

    public long DynamoDbRetries => Interlocked.Read(ref _batchWriteRetries);

    public IReadOnlyList<CountingItemStore.OperationCounts> StoreOperations =>
    [
        new("BatchWriteItem", Interlocked.Read(ref _batchWrites), 0, Interlocked.Read(ref _itemsWritten), 0),
        new("UpdateItem", Interlocked.Read(ref _updates), 0, Interlocked.Read(ref _updates), 0),
    ];

    public static string UserKey(string userId) => "USER#" + userId;

    /// <summary>Consumes <paramref name="queueUrl"/> until <paramref name="expected"/> messages are processed and deleted, counting from zero.</summary>
    /// <remarks>The pollers' last long polls are cancelled; the queue may still hand them messages nobody reads, so use a queue once.</remarks>
    /// <returns>The time from the first poll until the last of them was deleted.</returns>
    public async Task<TimeSpan> ConsumeAsync(string queueUrl, int expected, CancellationToken cancellationToken)
    {
        Reset();
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = Stopwatch.StartNew();
        var finishedAt = TimeSpan.Zero;
        await Task.WhenAll(Enumerable.Range(0, Pollers).Select(async _ =>
        {
            try
            {
                while (true)
                {
                    var processed = await PollOnceAsync(queueUrl, done.Token);
                    var total = Interlocked.Add(ref _processed, processed);
                    if (processed > 0 && total >= expected && total - processed < expected)
                    {
                        finishedAt = clock.Elapsed;
                        await done.CancelAsync();
                    }
                }
            }
            catch (OperationCanceledException) when (done.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // All expected messages are done: this poller's long poll was cut short.
            }
        }));
        return finishedAt;
    }

    private async Task<int> PollOnceAsync(string queueUrl, CancellationToken cancellationToken)
    {
        var received = await sqs.ReceiveMessageAsync(
            new ReceiveMessageRequest
            {
                QueueUrl = queueUrl,
                MaxNumberOfMessages = 10,
                WaitTimeSeconds = 20,
                MessageSystemAttributeNames = ["ApproximateReceiveCount"],
            },
            cancellationToken);
        if (received.Messages is not { Count: > 0 } messages)
        {
            return 0;
        }

        var started = Stopwatch.GetTimestamp();
        Interlocked.Add(ref _redeliveries, messages.Count(m => m.Attributes?.GetValueOrDefault("ApproximateReceiveCount") is { } count && count != "1"));
        try
        {
            var workouts = messages.Select(m => EventReader.ReadWorkoutLogged(m.Body, DateTimeOffset.UtcNow).Data).ToList();
            foreach (var chunk in workouts.Chunk(MaxBatchWriteItems))
            {
                await WriteWorkoutsAsync(chunk, cancellationToken);
            }

            await Task.WhenAll(workouts.GroupBy(w => w.UserId, StringComparer.Ordinal).Select(user => AddTotalsAsync(user.Key, [.. user], cancellationToken)));
            await sqs.DeleteMessageBatchAsync(
                new DeleteMessageBatchRequest
                {
                    QueueUrl = queueUrl,
                    Entries = [.. messages.Select((m, i) => new DeleteMessageBatchRequestEntry(i.ToString(CultureInfo.InvariantCulture), m.ReceiptHandle))],
                },
                cancellationToken);
            BatchDuration.Record(Stopwatch.GetElapsedTime(started));
            return messages.Count;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Interlocked.Increment(ref _failedBatches);
            return 0;
        }
    }

    private async Task WriteWorkoutsAsync(WorkoutLogged[] workouts, CancellationToken cancellationToken)
    {
        Dictionary<string, List<WriteRequest>>? pending = new()
        {
            [tableName] = [.. workouts.Select(w => new WriteRequest(new PutRequest(new Dictionary<string, AttributeValue>
            {
                ["pk"] = new(UserKey(w.UserId)),
                ["sk"] = new("WORKOUT#" + w.WorkoutId),
                ["data"] = new(JsonSerializer.Serialize(w, EventJsonContext.Default.WorkoutLogged)),
            })))],
        };
        for (var attempt = 0; pending is { Count: > 0 }; attempt++)
        {
            if (attempt > 0)
            {
                Interlocked.Increment(ref _batchWriteRetries);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 25 << Math.Min(attempt, 6))), cancellationToken);
            }

            var requested = pending.Values.Sum(r => r.Count);
            var response = await dynamoDb.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending }, cancellationToken);
            pending = response.UnprocessedItems;
            Interlocked.Increment(ref _batchWrites);
            Interlocked.Add(ref _itemsWritten, requested - (pending?.Values.Sum(r => r.Count) ?? 0));
        }
    }

    private async Task AddTotalsAsync(string userId, WorkoutLogged[] workouts, CancellationToken cancellationToken)
    {
        var sets = workouts.SelectMany(w => w.Exercises.SelectMany(e => e.Sets.Select(s => (w.Unit, s.Reps, s.Weight)))).ToList();
        var volumeKg = sets.Sum(s => s.Reps * s.Weight * (s.Unit == WeightUnit.Lb ? AnalyticsCalculator.KilogramsPerPound : 1m));
        await dynamoDb.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = tableName,
                Key = new() { ["pk"] = new(UserKey(userId)), ["sk"] = new(TotalsKey) },
                UpdateExpression = "ADD totalWorkouts :workouts, totalSets :sets, totalReps :reps, totalVolumeKg :volume",
                ExpressionAttributeValues = new()
                {
                    [":workouts"] = Number(workouts.Length),
                    [":sets"] = Number(sets.Count),
                    [":reps"] = Number(sets.Sum(s => s.Reps)),
                    [":volume"] = Number(volumeKg),
                },
            },
            cancellationToken);
        Interlocked.Increment(ref _updates);
    }

    private static AttributeValue Number(decimal value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    private void Reset()
    {
        _processed = _redeliveries = _failedBatches = _batchWrites = _batchWriteRetries = _itemsWritten = _updates = 0;
        BatchDuration = new LatencyHistogram();
    }
}
