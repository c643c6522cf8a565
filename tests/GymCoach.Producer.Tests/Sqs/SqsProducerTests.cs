using GymCoach.Aws.Sqs;
using GymCoach.Contracts.Events;
using GymCoach.Contracts.Queueing;
using GymCoach.Integration.Tests.Sqs;
using GymCoach.Integration.Tests.Sqs.Support;
using GymCoach.Producer.Tests.Support;
using GymCoach.Workers.Publishing;
using GymCoach.TestSupport.Queueing;

namespace GymCoach.Producer.Tests.Sqs;

/// <summary>The SQS transport against fauxqs: what arrives in the queues is what the workers' event reader accepts.</summary>
[Collection(FauxqsCollection.Name)]
[Trait("Category", "Slow")]
public sealed class SqsProducerTests(FauxqsFixture fauxqs) : IAsyncLifetime
{
    private const string Source = "gymcoach/producer-tests";

    private readonly SqsTestQueues _queues = new(fauxqs.Client);
    private SqsQueue? _writes;
    private SqsQueue? _analytics;

    private SqsQueue Writes => _writes!;

    private SqsQueue Analytics => _analytics!;

    public async Task InitializeAsync()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        _writes = await _queues.CreateAsync($"producer-writes-{unique}", TimeSpan.FromSeconds(30));
        _analytics = await _queues.CreateAsync($"producer-analytics-{unique}", TimeSpan.FromSeconds(30));
    }

    public Task DisposeAsync() => _queues.DeleteAllAsync();

    [Fact]
    public async Task ALoggedWorkout_ArrivesAsAWorkoutLoggedCloudEvent_ThatTheWorkersAccept()
    {
        var workout = Some.Workout();
        string eventId;
        await using (var producer = CreateFromOptions())
        {
            eventId = await producer.LogWorkoutAsync(workout, new SendOptions { CorrelationId = "import-42" });
        }

        var message = Assert.Single(await QueueReader.ReceiveAsync(Writes, 1));
        var cloudEvent = EventReader.ReadWorkoutLogged(message.Body!, DateTimeOffset.UtcNow);
        Assert.Equal(eventId, cloudEvent.Id);
        Assert.Equal(Source, cloudEvent.Source);
        Assert.Equal(EventTypes.WorkoutLogged, cloudEvent.Type);
        Assert.Equal(EventWriter.JsonContentType, cloudEvent.DataContentType);
        Assert.Equal(workout.WorkoutId, cloudEvent.Data.WorkoutId);
        Assert.Equal(workout.PerformedAt, cloudEvent.Data.PerformedAt);
        Assert.Equal([100m, 102.5m], cloudEvent.Data.Exercises[0].Sets.Select(set => set.Weight));
        Assert.Equal("import-42", message.GetStringAttribute(MessageAttributeNames.CorrelationId));
    }

    [Fact]
    public async Task AProfileUpdate_GoesToTheWritesQueue_AndARecomputeRequest_ToTheAnalyticsQueue()
    {
        string profileId, recomputeId;
        await using (var producer = CreateFromOptions())
        {
            profileId = await producer.UpdateProfileAsync(Some.Profile("user-7"));
            recomputeId = await producer.RequestRecomputeAsync(Some.Recompute("user-7"));
        }

        var profile = EventReader.ReadProfileUpdated(Assert.Single(await QueueReader.ReceiveAsync(Writes, 1)).Body!);
        var recompute = EventReader.ReadAnalyticsRecompute(Assert.Single(await QueueReader.ReceiveAsync(Analytics, 1)).Body!);
        Assert.Equal((profileId, "user-7", 61.5m), (profile.Id, profile.Data.UserId, profile.Data.Bodyweight));
        Assert.Equal((recomputeId, "user-7", RecomputeReasons.Rebuild), (recompute.Id, recompute.Data.UserId, recompute.Data.Reason));
    }

    [Fact]
    public async Task ABatchOfWorkouts_ArrivesAsOneEventEach_WithTheReturnedIdsInOrder()
    {
        var workouts = Enumerable.Range(0, 25).Select(_ => Some.Workout()).ToList();
        IReadOnlyList<string> ids;
        await using (var producer = CreateFromOptions())
        {
            ids = await producer.LogWorkoutsAsync(workouts);
        }

        var events = (await QueueReader.ReceiveAsync(Writes, 25))
            .Select(message => EventReader.ReadWorkoutLogged(message.Body!, DateTimeOffset.UtcNow))
            .ToDictionary(cloudEvent => cloudEvent.Data.WorkoutId);
        Assert.Equal(25, events.Count);
        Assert.Equal(ids, workouts.Select(workout => events[workout.WorkoutId].Id));
    }

    [Fact]
    public async Task ConcurrentCalls_ShareSendMessageBatchCalls()
    {
        var recording = new RecordingQueue(Writes);
        var calls = 50;
        string[] ids;
        await using (var producer = GymCoachProducer.CreateSqs(recording, Analytics, Source, new SqsBatchPublisherOptions { Linger = TimeSpan.FromMilliseconds(100) }))
        {
            ids = await Task.WhenAll(Enumerable.Range(0, calls).Select(_ => producer.LogWorkoutAsync(Some.Workout())));
        }

        Assert.InRange(recording.Batches.Count, calls / MessageBatch.MaxEntries, calls / 4);
        var received = (await QueueReader.ReceiveAsync(Writes, calls)).Select(message => EventReader.ReadWorkoutLogged(message.Body!, DateTimeOffset.UtcNow).Id);
        Assert.Equal(ids.Order(StringComparer.Ordinal), received.Order(StringComparer.Ordinal));
    }

    /// <summary>Built from options as a service would configure it: queue URLs and, for the emulator, its endpoint.</summary>
    private IGymCoachProducer CreateFromOptions() => GymCoachProducer.Create(new GymCoachProducerOptions
    {
        Transport = ProducerTransport.Sqs,
        Sqs =
        {
            WritesQueueUrl = new Uri(Writes.Url),
            AnalyticsQueueUrl = new Uri(Analytics.Url),
            ServiceUrl = fauxqs.Server.Endpoint,
            Source = Source,
        },
    });
}
