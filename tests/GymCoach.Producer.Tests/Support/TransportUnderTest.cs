using GymCoach.Embedded.Queueing;
using GymCoach.TestSupport.Queueing;

namespace GymCoach.Producer.Tests.Support;

/// <summary>A producer of either transport that records whatever leaves it, without a server behind it.</summary>
internal sealed class TransportUnderTest : IAsyncDisposable
{
    private readonly RecordingHandler? _handler;
    private readonly RecordingQueue? _writes;
    private readonly RecordingQueue? _analytics;

    public TransportUnderTest(ProducerTransport transport)
    {
        if (transport == ProducerTransport.Http)
        {
            _handler = new RecordingHandler();

            // Nothing listens there: a request that got out would be recorded, then fail.
            Producer = GymCoachProducer.CreateHttp(
                new HttpProducerOptions { BaseAddress = new Uri("http://127.0.0.1:9/"), ApiKey = "gck_unused", MaxAttempts = 1 },
                new HttpClient(_handler));
        }
        else
        {
            _writes = new RecordingQueue(new EmbeddedQueue(new EmbeddedQueueOptions { Name = "writes" }));
            _analytics = new RecordingQueue(new EmbeddedQueue(new EmbeddedQueueOptions { Name = "analytics" }));
            Producer = GymCoachProducer.CreateSqs(_writes, _analytics, "gymcoach/tests");
        }
    }

    public IGymCoachProducer Producer { get; }

    /// <summary>Requests or messages that left the producer; call after <see cref="DisposeAsync"/> to include anything still buffered.</summary>
    public int Sent => _handler?.Requests.Count ?? (_writes!.Sent.Count + _analytics!.Sent.Count);

    public async ValueTask DisposeAsync()
    {
        await Producer.DisposeAsync();
        _handler?.Dispose();
    }
}
