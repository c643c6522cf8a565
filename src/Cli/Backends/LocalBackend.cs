using Amazon.DynamoDBv2;
using Amazon.SQS;
using GymCoach.Aws.DynamoDb;
using GymCoach.Aws.Sqs;
using GymCoach.Cli.Emulators;
using GymCoach.Contracts.Queueing;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Queueing;
using GymCoach.Workers.Storage;

namespace GymCoach.Cli.Backends;

/// <summary>Real AWS APIs on this machine: fauxqs for SQS and Amazon DynamoDB Local, started on free loopback ports and stopped on dispose.</summary>
/// <remarks>
/// The queues and the table are created from the same definitions as the AWS template. DynamoDB Local keeps its
/// database per state folder (in /dev/shm when there is one), so a later command (for example
/// <c>gymcoach analytics --backend local</c>) reads what a demo stored; the queues live only as long as the process.
/// </remarks>
internal sealed class LocalBackend : IBackend
{
    private readonly FauxqsServer _sqs;
    private readonly DynamoDbLocalServer _dynamoDb;
    private readonly IDisposable[] _clients;

    private LocalBackend(FauxqsServer sqs, DynamoDbLocalServer dynamoDb, IReadOnlyList<ProvisionedQueue> queues, IItemStore store, params IDisposable[] clients)
    {
        _sqs = sqs;
        _dynamoDb = dynamoDb;
        _clients = clients;
        var writes = queues.Single(q => q.Definition == QueueDefinitions.Writes);
        var analytics = queues.Single(q => q.Definition == QueueDefinitions.Analytics);
        WritesQueue = writes.Queue;
        WritesDeadLetterQueue = writes.DeadLetterQueue!;
        AnalyticsQueue = analytics.Queue;
        AnalyticsDeadLetterQueue = analytics.DeadLetterQueue!;
        Store = store;
    }

    public string Name => BackendOptions.Local;

    public IMessageQueue WritesQueue { get; }

    public IMessageQueue WritesDeadLetterQueue { get; }

    public IMessageQueue AnalyticsQueue { get; }

    public IMessageQueue AnalyticsDeadLetterQueue { get; }

    public IItemStore Store { get; }

    /// <summary>The running fauxqs, for other commands (<c>gymcoach queues</c>, <c>gymcoach dlq</c>) to reach while this one runs.</summary>
    public Uri SqsEndpoint => _sqs.Endpoint;

    /// <summary>The running DynamoDB Local, for a benchmark's own client beside the pipeline's store.</summary>
    public Uri DynamoDbEndpoint => _dynamoDb.Endpoint;

    /// <param name="fresh">Start from an empty table instead of the one saved under the state folder.</param>
    /// <param name="visibilityTimeout">Of both worker queues (instead of the template's 190 s): at least the workers' function timeout, or their runners refuse them.</param>
    public static async Task<LocalBackend> StartAsync(string stateDirectory, bool fresh, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        await EmulatorPackages.EnsureInstalledAsync(cancellationToken);
        var databaseDirectory = DatabaseDirectory(stateDirectory);
        if (fresh && Directory.Exists(databaseDirectory))
        {
            Directory.Delete(databaseDirectory, recursive: true);
        }

        Directory.CreateDirectory(databaseDirectory);
        var startingSqs = FauxqsServer.StartAsync(cancellationToken);
        var startingDynamoDb = DynamoDbLocalServer.StartAsync(new DynamoDbLocalOptions { DatabaseDirectory = databaseDirectory }, cancellationToken);
        FauxqsServer? sqs = null;
        DynamoDbLocalServer? dynamoDb = null;
        AmazonSQSClient? sqsClient = null;
        AmazonDynamoDBClient? dynamoDbClient = null;
        try
        {
            sqs = await startingSqs;
            dynamoDb = await startingDynamoDb;

            // Clients owned by this backend, disposed with it, before the emulators stop.
            sqsClient = SqsClientFactory.Create(sqs.Connection);
            dynamoDbClient = DynamoDbClientFactory.Create(dynamoDb.ClientSettings);
            var queues = await new SqsQueueProvisioner(sqsClient, visibilityTimeout).EnsureAllAsync(QueueDefinitions.All, cancellationToken);
            await new DynamoDbTableProvisioner(dynamoDbClient).EnsureTableAsync(TableDefinition.TableName, pointInTimeRecovery: false, cancellationToken);
            return new LocalBackend(sqs, dynamoDb, queues, new DynamoDbItemStore(dynamoDbClient), sqsClient, dynamoDbClient);
        }
        catch
        {
            sqsClient?.Dispose();
            dynamoDbClient?.Dispose();
            await StopQuietlyAsync(sqs ?? await Quietly(startingSqs));
            await StopQuietlyAsync(dynamoDb ?? await Quietly(startingDynamoDb));
            throw;
        }
    }


    /// <summary>Where DynamoDB Local keeps the table between commands: in memory-backed /dev/shm when the machine has it.</summary>
    /// <remarks>DynamoDB Local syncs its database file on every write; on a disk that makes a demo many times slower.</remarks>
    internal static string DatabaseDirectory(string stateDirectory)
    {
        var state = Path.GetFullPath(Path.Combine(stateDirectory, "dynamodb-local"));
        if (!Directory.Exists("/dev/shm"))
        {
            return state;
        }

        var key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(state)))[..16];
        return Path.Combine("/dev/shm", "gymcoach-dynamodb-" + key.ToLowerInvariant());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _sqs.DisposeAsync();
        await _dynamoDb.DisposeAsync();
    }

    private static async Task<T?> Quietly<T>(Task<T> starting)
        where T : class
    {
        try
        {
            return await starting;
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static async Task StopQuietlyAsync(IAsyncDisposable? server)
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
