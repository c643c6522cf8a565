using Amazon.DynamoDBv2;
using Amazon.SQS;
using GymCoach.Aws.DynamoDb;
using GymCoach.Aws.Sqs;

namespace GymCoach.Aws.Clients;

/// <summary>The SQS and DynamoDB clients of one process (a Lambda environment), on AWS or, when endpoints are given, on emulators; disposed together.</summary>
/// <remarks>No request is made here: queues are addressed by URL and the table by name, so a cold start stays fast.</remarks>
public sealed class AwsClients : IDisposable
{
    private readonly string _queueRegion;

    private AwsClients(AmazonSQSClient sqs, AmazonDynamoDBClient dynamoDb, string queueRegion)
    {
        Sqs = sqs;
        DynamoDb = dynamoDb;
        _queueRegion = queueRegion;
    }

    public AmazonSQSClient Sqs { get; }

    public AmazonDynamoDBClient DynamoDb { get; }

    /// <param name="region">The AWS region; null takes the SDK's (AWS_REGION in Lambda), or the emulators' default region.</param>
    /// <param name="sqsEndpoint">An SQS emulator's address instead of AWS's.</param>
    /// <param name="dynamoDbEndpoint">A DynamoDB emulator's address instead of AWS's.</param>
    public static AwsClients Create(string? region, Uri? sqsEndpoint, Uri? dynamoDbEndpoint)
    {
        var queueRegion = region ?? SqsConnection.EmulatorRegion;
        var sqs = SqsClientFactory.Create(sqsEndpoint is null ? SqsConnection.Aws(region) : SqsConnection.Emulator(sqsEndpoint, queueRegion));
        var dynamoDb = DynamoDbClientFactory.Create(dynamoDbEndpoint is null ? DynamoDbClientSettings.ForAws(region) : DynamoDbClientSettings.ForEmulator(dynamoDbEndpoint));
        return new AwsClients(sqs, dynamoDb, queueRegion);
    }

    /// <summary>The queue at <paramref name="url"/> (its ARN follows from the URL and the region).</summary>
    public SqsQueue Queue(Uri url) => SqsQueue.FromUrl(Sqs, url, _queueRegion);

    /// <summary>The item store on the table <paramref name="tableName"/>.</summary>
    public DynamoDbItemStore Table(string tableName) => new(DynamoDb, new DynamoDbStoreOptions { TableName = tableName });

    public void Dispose()
    {
        Sqs.Dispose();
        DynamoDb.Dispose();
    }
}
