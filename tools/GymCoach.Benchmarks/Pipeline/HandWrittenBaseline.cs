using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using GymCoach.Cli.Demo;
using GymCoach.Contracts.Queueing;
using GymCoach.Workers.Analytics;

namespace GymCoach.Benchmarks.Pipeline;

/// <summary>The <see cref="HandWrittenConsumer"/> on its own queues and table in the same fauxqs and DynamoDB Local as the pipeline, removed on dispose.</summary>
/// <remarks>A queue per phase (history, measured): a long poll cancelled at the end of one phase cannot take the next phase's messages.</remarks>
internal sealed class HandWrittenBaseline : IAsyncDisposable
{
    private const string Region = "us-east-1";

    private readonly AmazonSQSClient _sqs;
    private readonly AmazonDynamoDBClient _dynamoDb;
    private readonly string _name;
    private readonly List<string> _queueUrls = [];
    private readonly HandWrittenConsumer _consumer;

    private HandWrittenBaseline(AmazonSQSClient sqs, AmazonDynamoDBClient dynamoDb, string name)
    {
        _sqs = sqs;
        _dynamoDb = dynamoDb;
        _name = name;
        _consumer = new HandWrittenConsumer(sqs, dynamoDb, name);
    }

    /// <summary>Creates the baseline's table (on demand) with SDK clients of default settings.</summary>
    public static async Task<HandWrittenBaseline> CreateAsync(Uri sqsEndpoint, Uri dynamoDbEndpoint, CancellationToken cancellationToken)
    {
        var credentials = new BasicAWSCredentials("baseline", "baseline");
        var sqs = new AmazonSQSClient(credentials, new AmazonSQSConfig { ServiceURL = sqsEndpoint.ToString(), AuthenticationRegion = Region });
        var dynamoDb = new AmazonDynamoDBClient(credentials, new AmazonDynamoDBConfig { ServiceURL = dynamoDbEndpoint.ToString(), AuthenticationRegion = Region });
        var name = "gymcoach-baseline-" + Guid.NewGuid().ToString("N")[..8];
        await dynamoDb.CreateTableAsync(
            new CreateTableRequest
            {
                TableName = name,
                BillingMode = BillingMode.PAY_PER_REQUEST,
                KeySchema = [new("pk", KeyType.HASH), new("sk", KeyType.RANGE)],
                AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("sk", ScalarAttributeType.S)],
            },
            cancellationToken);
        return new HandWrittenBaseline(sqs, dynamoDb, name);
    }

    /// <summary>Prefills a queue and consumes it, unmeasured.</summary>
    public async Task StoreHistoryAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        var queueUrl = await PrefillAsync("history", messages, cancellationToken);
        await _consumer.ConsumeAsync(queueUrl, messages.Count, cancellationToken);
    }

    /// <summary>Prefills a queue, measures the consumer over <paramref name="messages"/>, then checks every user's totals.</summary>
    public async Task<ConsumerFigures> MeasureAsync(IReadOnlyList<OutgoingMessage> messages, Workload expected, CancellationToken cancellationToken)
    {
        var queueUrl = await PrefillAsync("measured", messages, cancellationToken);
        var elapsed = await _consumer.ConsumeAsync(queueUrl, messages.Count, cancellationToken);
        return new ConsumerFigures(
            "hand-written",
            messages.Count,
            elapsed,
            await CheckAsync(expected, cancellationToken),
            _consumer.Redeliveries,
            DeadLetters: null,
            AnalyticsMessages: null,
            _consumer.StoreOperations,
            _consumer.DynamoDbRequests,
            string.Create(CultureInfo.InvariantCulture, $"{_consumer.DynamoDbRetries:N0} resends of unprocessed items; the SDK's own retries are not seen"),
            [($"hand-written batch ({_consumer.FailedBatches} failed)", _consumer.BatchDuration)]);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var queueUrl in _queueUrls)
            {
                await _sqs.DeleteQueueAsync(queueUrl, CancellationToken.None);
            }

            await _dynamoDb.DeleteTableAsync(_name, CancellationToken.None);
        }
        finally
        {
            _sqs.Dispose();
            _dynamoDb.Dispose();
        }
    }

    /// <summary>Creates a queue (visibility timeout 30 s, no redrive) and sends <paramref name="messages"/> to it in batches of 10.</summary>
    private async Task<string> PrefillAsync(string phase, IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        var queueUrl = (await _sqs.CreateQueueAsync(
            new CreateQueueRequest { QueueName = $"{_name}-{phase}", Attributes = new() { ["VisibilityTimeout"] = "30" } },
            cancellationToken)).QueueUrl;
        _queueUrls.Add(queueUrl);
        foreach (var slice in messages.Chunk(MessageBatch.MaxEntries).Chunk(100))
        {
            var responses = await Task.WhenAll(slice.Select(batch => _sqs.SendMessageBatchAsync(
                new SendMessageBatchRequest
                {
                    QueueUrl = queueUrl,
                    Entries = [.. batch.Select((m, i) => new SendMessageBatchRequestEntry(i.ToString(CultureInfo.InvariantCulture), m.Body))],
                },
                cancellationToken)));
            if (responses.FirstOrDefault(r => r.Failed is { Count: > 0 }) is { } failed)
            {
                throw new InvalidOperationException($"prefilling {queueUrl} failed: {failed.Failed[0].Message}");
            }
        }

        return queueUrl;
    }

    /// <summary>Every user's totals must equal those of a direct computation over the workouts sent for them.</summary>
    private async Task<DemoCheck> CheckAsync(Workload expected, CancellationToken cancellationToken)
    {
        var mismatches = new List<string>();
        foreach (var (userId, workouts) in expected.WorkoutsByUser)
        {
            var stored = (await _dynamoDb.GetItemAsync(
                new GetItemRequest
                {
                    TableName = _name,
                    Key = new() { ["pk"] = new(HandWrittenConsumer.UserKey(userId)), ["sk"] = new(HandWrittenConsumer.TotalsKey) },
                    ConsistentRead = true,
                },
                cancellationToken)).Item;
            var actual = stored is { Count: > 0 }
                ? new Totals(Number(stored, "totalWorkouts"), Number(stored, "totalSets"), Number(stored, "totalReps"), Number(stored, "totalVolumeKg"))
                : new Totals(0, 0, 0, 0);
            var direct = workouts.Count == 0 ? null : AnalyticsCalculator.Compute(userId, workouts, DateTimeOffset.UtcNow);
            var wanted = direct is null ? new Totals(0, 0, 0, 0) : new Totals(direct.TotalWorkouts, direct.TotalSets, direct.TotalReps, direct.TotalVolumeKg);
            if (actual != wanted)
            {
                mismatches.Add($"{userId}: totals {actual} instead of {wanted}");
            }
        }

        return new DemoCheck(expected.WorkoutsByUser.Count, 0, 0, 0, 0, 0, mismatches.Count, mismatches[..Math.Min(5, mismatches.Count)]);
    }

    private static decimal Number(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? decimal.Parse(value.N, CultureInfo.InvariantCulture) : 0;

    /// <summary>Compared by value: 1.5 and 1.50 kg are equal.</summary>
    private readonly record struct Totals(decimal Workouts, decimal Sets, decimal Reps, decimal VolumeKg);
}
