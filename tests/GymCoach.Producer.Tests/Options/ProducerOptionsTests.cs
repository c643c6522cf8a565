using GymCoach.Producer.Sqs;

namespace GymCoach.Producer.Tests.Options;

/// <summary>Options name every problem at once, and the factory refuses invalid ones before creating anything.</summary>
public sealed class ProducerOptionsTests
{
    [Fact]
    public void EmptyHttpOptions_NameTheBaseAddressAndTheKey()
    {
        var error = Assert.Throws<ArgumentException>(() => new HttpProducerOptions { MaxAttempts = 0 }.Validate());

        Assert.Contains("BaseAddress", error.Message, StringComparison.Ordinal);
        Assert.Contains("ApiKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxAttempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptySqsOptions_NameTheQueuesAndTheSource()
    {
        var error = Assert.Throws<ArgumentException>(() => GymCoachProducer.Create(new GymCoachProducerOptions { Transport = ProducerTransport.Sqs }));

        Assert.Contains("WritesQueueUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains("AnalyticsQueueUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains("Source", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AQueueUrlOfAnotherHost_NeedsTheRegion()
    {
        var options = new SqsProducerOptions
        {
            WritesQueueUrl = new Uri("https://queues.example.com/123456789012/writes"),
            AnalyticsQueueUrl = new Uri("https://queues.example.com/123456789012/analytics"),
            Source = "gymcoach/tests",
        };

        Assert.Contains("Region", Assert.Throws<ArgumentException>(options.Validate).Message, StringComparison.Ordinal);
        options.Region = "eu-west-1";
        options.Validate();
    }

    [Theory]
    [InlineData("https://sqs.eu-west-1.amazonaws.com/123456789012/writes", "eu-west-1")]
    [InlineData("https://sqs.us-gov-west-1.amazonaws.com/123456789012/writes", "us-gov-west-1")]
    [InlineData("http://127.0.0.1:4566/000000000000/writes", null)]
    public void TheRegion_IsTakenFromAnAmazonSqsQueueUrl(string url, string? region) =>
        Assert.Equal(region, SqsRegions.FromQueueUrl(new Uri(url)));
}
