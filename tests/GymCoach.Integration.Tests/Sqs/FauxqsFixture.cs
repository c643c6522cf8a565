using Amazon.SQS;
using GymCoach.Aws.Sqs;
using GymCoach.Cli.Emulators;

namespace GymCoach.Integration.Tests.Sqs;

/// <summary>One fauxqs server for the whole test run, on a free loopback port, stopped at the end.</summary>
/// <remarks>Fails the tests that use it, with the reason, when Node.js is missing: they are never skipped silently.</remarks>
public sealed class FauxqsFixture : IAsyncLifetime
{
    private FauxqsServer? _server;
    private AmazonSQSClient? _client;

    public FauxqsServer Server => _server ?? throw new InvalidOperationException("fauxqs has not been started.");

    /// <summary>One client for the whole run, owned by the fixture.</summary>
    public IAmazonSQS Client => _client ?? throw new InvalidOperationException("fauxqs has not been started.");

    public async Task InitializeAsync()
    {
        _server = await FauxqsServer.StartAsync(CancellationToken.None);
        _client = SqsClientFactory.Create(_server.Connection);
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FauxqsCollection : ICollectionFixture<FauxqsFixture>
{
    public const string Name = "fauxqs";
}
