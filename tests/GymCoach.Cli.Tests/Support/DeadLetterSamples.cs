using GymCoach.Contracts.Queueing;
using GymCoach.Embedded.Queueing;
using GymCoach.Workers.Publishing;

namespace GymCoach.Cli.Tests.Support;

/// <summary>Queues and dead-lettered messages as the workers leave them.</summary>
internal static class DeadLetterSamples
{
    public static (EmbeddedQueue Source, EmbeddedQueue DeadLetters) EmbeddedPair(string name = "gymcoach-writes")
    {
        var deadLetters = new EmbeddedQueue(new EmbeddedQueueOptions { Name = name + "-dlq" });
        var source = new EmbeddedQueue(new EmbeddedQueueOptions { Name = name, MaxReceiveCount = 5, DeadLetterQueue = deadLetters });
        return (source, deadLetters);
    }

    /// <summary>A message as the batch processor dead-letters it: body, failure reason, source queue and correlation id.</summary>
    public static OutgoingMessage DeadLetter(int number, string reason = "data.exercises[0].sets[0].reps: must be between 1 and 1000") => new()
    {
        Body = $"{{\"specversion\":\"1.0\",\"id\":\"evt-{number}\",\"type\":\"gymcoach.workout.logged.v1\",\"data\":{{\"n\":{number}}}}}",
        Attributes = new Dictionary<string, string>
        {
            [MessageAttributeNames.FailureReason] = reason,
            [MessageAttributeNames.SourceQueue] = "gymcoach-writes",
            [MessageAttributeNames.CorrelationId] = $"corr-{number}",
        },
    };

    public static async Task SendAsync(IMessageQueue queue, int count, int first = 0)
    {
        var outcomes = await RetryingBatchSend.SendAsync(queue, [.. Enumerable.Range(first, count).Select(i => DeadLetter(i))]);
        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Error));
    }
}
