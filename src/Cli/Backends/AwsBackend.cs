using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.SQS.Model;
using GymCoach.Aws.DynamoDb;
using GymCoach.Aws.Sqs;
using GymCoach.Cli.Commands;
using GymCoach.Contracts.Queueing;
using GymCoach.Contracts.Storage;

namespace GymCoach.Cli.Backends;

/// <summary>The deployed stack on AWS: its queues opened by name, its table, through the standard credential chain.</summary>
internal sealed class AwsBackend : IBackend
{
    private readonly IDisposable _sqs;
    private readonly IDisposable _dynamoDb;

    private AwsBackend(SqsQueue writes, SqsQueue writesDeadLetters, SqsQueue analytics, SqsQueue analyticsDeadLetters, IItemStore store, IDisposable sqs, IDisposable dynamoDb)
    {
        _sqs = sqs;
        _dynamoDb = dynamoDb;
        WritesQueue = writes;
        WritesDeadLetterQueue = writesDeadLetters;
        AnalyticsQueue = analytics;
        AnalyticsDeadLetterQueue = analyticsDeadLetters;
        Store = store;
    }

    public string Name => BackendOptions.Aws;

    public IMessageQueue WritesQueue { get; }

    public IMessageQueue WritesDeadLetterQueue { get; }

    public IMessageQueue AnalyticsQueue { get; }

    public IMessageQueue AnalyticsDeadLetterQueue { get; }

    public IItemStore Store { get; }

    public static async Task<AwsBackend> OpenAsync(AwsBackendSettings settings, CancellationToken cancellationToken)
    {
        // This backend owns its clients for the command's lifetime and disposes them with itself.
        var sqs = SqsClientFactory.Create(SqsConnection.Aws(settings.Region));
        AmazonDynamoDBClient? dynamoDb = null;
        try
        {
            var queues = await Task.WhenAll(
                SqsQueue.OpenAsync(sqs, settings.WritesQueue, cancellationToken),
                SqsQueue.OpenAsync(sqs, settings.WritesDeadLetterQueue, cancellationToken),
                SqsQueue.OpenAsync(sqs, settings.AnalyticsQueue, cancellationToken),
                SqsQueue.OpenAsync(sqs, settings.AnalyticsDeadLetterQueue, cancellationToken));
            dynamoDb = DynamoDbClientFactory.Create(DynamoDbClientSettings.ForAws(settings.Region));
            var store = new DynamoDbItemStore(dynamoDb, new DynamoDbStoreOptions { TableName = settings.TableName });
            return new AwsBackend(queues[0], queues[1], queues[2], queues[3], store, sqs, dynamoDb);
        }
        catch (Exception ex) when (ex is AmazonClientException or AmazonServiceException or SqsRequestException or QueueDoesNotExistException)
        {
            sqs.Dispose();
            dynamoDb?.Dispose();
            throw new CommandFailedException(
                $"the AWS backend could not open its queues ({ex.Message}); deploy the stack, check the credentials and AWS_REGION, or set GYMCOACH_STAGE / GYMCOACH_*_QUEUE to the deployed names");
        }
    }


    public ValueTask DisposeAsync()
    {
        _sqs.Dispose();
        _dynamoDb.Dispose();
        return ValueTask.CompletedTask;
    }
}
