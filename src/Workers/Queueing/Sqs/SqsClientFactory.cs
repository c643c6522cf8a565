using System.Collections.Concurrent;
using Amazon;
using Amazon.Runtime;
using Amazon.SQS;

namespace GymCoach.Workers.Queueing.Sqs;

/// <summary>Hands out one <see cref="AmazonSQSClient"/> per <see cref="SqsConnection"/> for the life of the process.</summary>
/// <remarks>
/// AWS recommends reusing clients: each owns an HTTP connection pool and resolves credentials once, and a client per
/// call (or per Lambda invocation) pays for both every time. The cache only ever grows by the few connections a
/// process uses; the clients themselves are thread-safe and never disposed.
/// </remarks>
public static class SqsClientFactory
{
    private static readonly ConcurrentDictionary<SqsConnection, Lazy<IAmazonSQS>> Clients = new();

    /// <summary>The shared client for <paramref name="connection"/>, created on first use.</summary>
    public static IAmazonSQS GetClient(SqsConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return Clients.GetOrAdd(connection, static c => new Lazy<IAmazonSQS>(() => Create(c))).Value;
    }

    /// <summary>A new client for <paramref name="connection"/>, owned by the caller; prefer <see cref="GetClient"/>.</summary>
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
