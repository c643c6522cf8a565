using Amazon.DynamoDBv2;
using GymCoach.Aws.DynamoDb;

namespace GymCoach.Workers.Tests.Storage.Dynamo;

public sealed class DynamoDbClientFactoryTests
{
    [Fact]
    public void AnEmulatorClient_SignsForUsEast1_AtTheServiceUrl_WithTheSdksRetriesOff()
    {
        using var client = DynamoDbClientFactory.Create(DynamoDbClientSettings.ForEmulator(new Uri("http://127.0.0.1:8000")));
        var config = (AmazonDynamoDBConfig)client.Config;

        Assert.Equal("http://127.0.0.1:8000/", config.ServiceURL);
        Assert.Equal("us-east-1", config.AuthenticationRegion);
        Assert.Equal(0, config.MaxErrorRetry);
        Assert.Equal(TimeSpan.FromSeconds(10), config.Timeout);
    }
}
