using System.Collections.Concurrent;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace GymCoach.Workers.Storage.Dynamo;

/// <summary>Makes the DynamoDB clients: one shared, reused client per process and endpoint, never one per call.</summary>
/// <remarks>
/// A client holds the HTTP connection pool and resolved credentials; creating it per call would cost a TLS handshake
/// and a credential lookup each time, and a Lambda function keeps it across invocations. The clients' own retries
/// are off (MaxErrorRetry 0): <see cref="DynamoDbItemStore"/> retries, with full jitter, and counts every retry.
/// </remarks>
public static class DynamoDbClientFactory
{
    // The one piece of static state here, on purpose: the process-wide client cache (clients are thread-safe).
    private static readonly ConcurrentDictionary<DynamoDbClientSettings, Lazy<IAmazonDynamoDB>> SharedClients = new();

    /// <summary>The process's client for <paramref name="settings"/>: created on first use, the same instance afterwards. Never dispose it.</summary>
    public static IAmazonDynamoDB Shared(DynamoDbClientSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return SharedClients.GetOrAdd(settings, static key => new Lazy<IAmazonDynamoDB>(() => Create(key))).Value;
    }

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
