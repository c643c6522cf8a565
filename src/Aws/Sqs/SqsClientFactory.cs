using Amazon;
using Amazon.Runtime;
using Amazon.SQS;

namespace GymCoach.Aws.Sqs;

/// <summary>Makes <see cref="AmazonSQSClient"/>s for an <see cref="SqsConnection"/>.</summary>
/// <remarks>
/// AWS recommends reusing clients: each owns an HTTP connection pool and resolves credentials once, and a client per
/// call (or per Lambda invocation) pays for both every time. So each host's composition root creates its client with
/// <see cref="Create"/>, shares it for its lifetime (a Lambda function's: the whole process) and disposes it.
/// </remarks>
public static class SqsClientFactory
{
    /// <summary>A new client for <paramref name="connection"/>, owned by the caller, who disposes it.</summary>
    public static AmazonSQSClient Create(SqsConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.ServiceUrl is null)
        {
            return connection.Region is null
                ? new AmazonSQSClient()
                : new AmazonSQSClient(RegionEndpoint.GetBySystemName(connection.Region));
        }

        var config = new AmazonSQSConfig
        {
            ServiceURL = connection.ServiceUrl.ToString(),
            AuthenticationRegion = connection.Region,
        };

        // Emulators accept any key; fixed ones keep the SDK from searching the machine for real credentials.
        return new AmazonSQSClient(new BasicAWSCredentials("emulator", "emulator"), config);
    }
}
