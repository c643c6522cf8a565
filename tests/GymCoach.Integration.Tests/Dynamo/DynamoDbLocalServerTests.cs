using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using GymCoach.Cli.Emulators;

namespace GymCoach.Integration.Tests.Dynamo;

/// <summary>How the run's DynamoDB Local is started: on the loopback interface only, and never without Java.</summary>
[Collection(DynamoDbLocalCollection.Name)]
[Trait("Category", "Slow")]
public sealed class DynamoDbLocalServerTests(DynamoDbLocalFixture local)
{
    [Fact]
    public async Task Server_AcceptsConnectionsOn127001_AndOnNoOtherAddressOfThisMachine()
    {
        using (var loopback = new TcpClient())
        {
            await loopback.ConnectAsync(IPAddress.Loopback, local.Server.Port);
        }

        var others = NetworkInterface.GetAllNetworkInterfaces()
            .Where(nic => nic.OperationalStatus == OperationalStatus.Up)
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
            .Select(unicast => unicast.Address)
            .Where(address => !IPAddress.IsLoopback(address) && address.AddressFamily == AddressFamily.InterNetwork);
        foreach (var address in others)
        {
            using var client = new TcpClient();
            await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(address, local.Server.Port));
        }
    }

    [Fact]
    public async Task Start_WithoutJava_FailsWithWhatToInstall()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            DynamoDbLocalServer.StartAsync(new DynamoDbLocalOptions { JavaExecutable = "java-that-is-not-installed" }, CancellationToken.None));

        Assert.Contains("Java 17", failure.Message, StringComparison.Ordinal);
    }
}
