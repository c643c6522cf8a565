using GymCoach.Aws.Sqs;
using GymCoach.Contracts.Queueing;
using GymCoach.Producer.Http;
using GymCoach.Producer.Sqs;
using GymCoach.Workers.Publishing;

namespace GymCoach.Producer;

/// <summary>Creates <see cref="IGymCoachProducer"/>s: over HTTP with an API key, or straight to the SQS queues.</summary>
public static class GymCoachProducer
{
    /// <summary>The most workouts one <see cref="IGymCoachProducer.LogWorkoutsAsync"/> call may carry, as <c>POST /v1/workouts:batch</c> allows.</summary>
    public const int MaxBatchWorkouts = 100;

    /// <summary>The producer <paramref name="options"/> choose: <see cref="ProducerTransport.Http"/> or <see cref="ProducerTransport.Sqs"/>.</summary>
    /// <param name="timeProvider">The clock events are stamped and checked with; default the system clock.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public static IGymCoachProducer Create(GymCoachProducerOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options.Transport == ProducerTransport.Sqs
            ? CreateSqs(options.Sqs, timeProvider)
            : CreateHttp(options.Http, httpClient: null, timeProvider);
    }

    /// <summary>A producer that posts to the ingest API with an API key.</summary>
    /// <param name="httpClient">
    /// A client to send with (for example from <c>IHttpClientFactory</c>), which the producer neither changes nor disposes; null
    /// creates one. Requests go to <see cref="HttpProducerOptions.BaseAddress"/> whatever the client's own base address is.
    /// </param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public static IGymCoachProducer CreateHttp(HttpProducerOptions options, HttpClient? httpClient = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var settings = options.Copy();
        var address = settings.BaseAddress!.ToString();
        settings.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        var client = httpClient ?? new HttpClient { Timeout = settings.RequestTimeout };
        return new HttpProducer(client, ownsClient: httpClient is null, settings, timeProvider ?? TimeProvider.System);
    }

    /// <summary>A producer that publishes straight to the SQS queues, with the AWS SDK's default credentials (or an emulator's).</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public static IGymCoachProducer CreateSqs(SqsProducerOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var region = options.Region ?? SqsRegions.FromQueueUrl(options.WritesQueueUrl) ?? SqsConnection.EmulatorRegion;
        var connection = options.ServiceUrl is null ? SqsConnection.Aws(region) : SqsConnection.Emulator(options.ServiceUrl, region);
        // The producer owns this client and disposes it with itself.
        var client = SqsClientFactory.Create(connection);
        return CreateSqs(
            SqsQueue.FromUrl(client, options.WritesQueueUrl!, region),
            SqsQueue.FromUrl(client, options.AnalyticsQueueUrl!, region),
            options.Source!,
            options.Publisher,
            timeProvider,
            ownedClient: client);
    }

    /// <summary>A producer that publishes to the given queues: for hosts that already hold them (any backend: SQS, emulator, embedded).</summary>
    /// <param name="source">The CloudEvents <c>source</c> naming this producer.</param>
    /// <param name="publisherOptions">How messages are batched and resent; default <see cref="SqsBatchPublisherOptions"/>' defaults.</param>
    /// <exception cref="ArgumentException">The source is blank or the publisher options are invalid.</exception>
    public static IGymCoachProducer CreateSqs(
        IMessageQueue writesQueue,
        IMessageQueue analyticsQueue,
        string source,
        SqsBatchPublisherOptions? publisherOptions = null,
        TimeProvider? timeProvider = null) =>
        CreateSqs(writesQueue, analyticsQueue, source, publisherOptions, timeProvider, ownedClient: null);

    private static SqsProducer CreateSqs(
        IMessageQueue writesQueue,
        IMessageQueue analyticsQueue,
        string source,
        SqsBatchPublisherOptions? publisherOptions,
        TimeProvider? timeProvider,
        IDisposable? ownedClient)
    {
        ArgumentNullException.ThrowIfNull(writesQueue);
        ArgumentNullException.ThrowIfNull(analyticsQueue);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        publisherOptions ??= new SqsBatchPublisherOptions();
        publisherOptions.Validate();
        timeProvider ??= TimeProvider.System;
        return new SqsProducer(
            new SqsBatchPublisher(writesQueue, publisherOptions, timeProvider),
            new SqsBatchPublisher(analyticsQueue, publisherOptions, timeProvider),
            source,
            publisherOptions.MaxMessageBytes,
            timeProvider,
            ownedClient);
    }
}
