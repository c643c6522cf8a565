using Amazon.SQS;
using GymCoach.Aws.Sqs;
using GymCoach.Cli.Emulators;

namespace GymCoach.Integration.Tests.Sqs;

/// <summary>One moto server for the whole test run, on a free loopback port, stopped at the end.</summary>
public sealed class MotoFixture : IAsyncLifetime
{
    private MotoServer? _server;
    private AmazonSQSClient? _client;

    public MotoServer Server => _server ?? throw new InvalidOperationException("moto has not been started.");

    /// <summary>One client for the whole run, owned by the fixture.</summary>
    public IAmazonSQS Client => _client ?? throw new InvalidOperationException("moto has not been started.");

    public async Task InitializeAsync()
    {
        _server = await MotoServer.StartAsync(CancellationToken.None);
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
public sealed class MotoCollection : ICollectionFixture<MotoFixture>
{
    public const string Name = "moto";
}
