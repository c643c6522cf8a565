using Amazon.SQS;
using GymCoach.Aws.Sqs;
using GymCoach.Cli.Emulators;

namespace GymCoach.Integration.Tests.Sqs;

/// <summary>One moto server for the whole test run, on a free loopback port, stopped at the end.</summary>
public sealed class MotoFixture : IAsyncLifetime
{
    private MotoServer? _server;

    public MotoServer Server => _server ?? throw new InvalidOperationException("moto has not been started.");

    public IAmazonSQS Client => SqsClientFactory.GetClient(Server.Connection);

    public async Task InitializeAsync() => _server = await MotoServer.StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
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
