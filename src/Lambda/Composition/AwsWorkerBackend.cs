using GymCoach.Lambda.Hosting;
using GymCoach.Workers.Runtime;

namespace GymCoach.Lambda.Composition;

/// <summary>Amazon DynamoDB and SQS: the production backend.</summary>
internal static class AwsWorkerBackend
{
    /// <summary>Creates the SDK clients, the table store and the queues once for the process.</summary>
    /// <remarks>
    /// To wire: create one AmazonDynamoDBClient and one AmazonSQSClient (RegionEndpoint from <see cref="LambdaSettings.Region"/>;
    /// ServiceURL + AuthenticationRegion when <see cref="LambdaSettings.DynamoDbEndpoint"/> or <see cref="LambdaSettings.SqsEndpoint"/>
    /// is set), then return an <see cref="IWorkerBackend"/> with the DynamoDbItemStore on <see cref="LambdaSettings.TableName"/>,
    /// the SqsQueue on <see cref="LambdaSettings.AnalyticsQueueUrl"/> (writes only) and on <see cref="LambdaSettings.DeadLetterQueueUrl"/>.
    /// </remarks>
    /// <exception cref="RuntimeInitException">Always, until the SQS queue and DynamoDB store land.</exception>
    public static IWorkerBackend Create(LambdaSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        throw new RuntimeInitException(
            RuntimeErrorTypes.ConfigInvalid,
            $"aws backend not wired yet: set {EnvironmentVariables.Backend}={LambdaSettings.EmbeddedBackend} for the in-process diagnostic backend.");
    }
}
