using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace GymCoach.Aws.DynamoDb;

/// <summary>Makes the DynamoDB clients, configured as the store expects them.</summary>
/// <remarks>
/// A client holds the HTTP connection pool and resolved credentials; creating it per call would cost a TLS handshake
/// and a credential lookup each time. So the composition root of each host creates one, shares it for its lifetime (a
/// Lambda function's: the whole process, across invocations) and disposes it; there is no process-wide cache. The
/// clients' own retries are off (MaxErrorRetry 0): <see cref="DynamoDbItemStore"/> retries, with full jitter, and
/// counts every retry.
/// </remarks>
public static class DynamoDbClientFactory
{
    /// <summary>A new client the caller owns and disposes; <paramref name="httpClientFactory"/> lets tests put a handler in the HTTP pipeline.</summary>
    /// <remarks>An emulator gets static dummy credentials, so no credential lookup (which may probe the network) ever runs for it.</remarks>
    public static AmazonDynamoDBClient Create(DynamoDbClientSettings settings, HttpClientFactory? httpClientFactory = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var config = new AmazonDynamoDBConfig
        {
            MaxErrorRetry = 0,
            RetryMode = RequestRetryMode.Standard,
            Timeout = settings.RequestTimeout,
        };
        if (httpClientFactory is not null)
        {
            config.HttpClientFactory = httpClientFactory;
        }

        if (settings.ServiceUrl is { } serviceUrl)
        {
            config.ServiceURL = serviceUrl.ToString();
            config.AuthenticationRegion = settings.Region ?? DynamoDbClientSettings.EmulatorRegion;
            return new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), config);
        }

        if (settings.Region is { } region)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return new AmazonDynamoDBClient(config);
    }
}
