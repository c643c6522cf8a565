using System.Text;
using GymCoach.Contracts.Events;
using GymCoach.Contracts.Lambda;

namespace GymCoach.Lambda.Tests.Support;

/// <summary>Lambda SQS events as the event source mapping delivers them, carrying GymCoach CloudEvents.</summary>
internal static class SqsEvents
{
    public const string WritesQueueArn = "arn:aws:sqs:us-east-1:000000000000:gymcoach-writes";

    /// <summary>A body no worker can ever handle: dead-lettered as poison.</summary>
    public const string PoisonBody = "{\"specversion\":\"1.0\",\"type\":\"gymcoach.unknown.v9\"";

    public static WorkoutLogged Workout(string workoutId, string userId = "user-1", decimal weight = 100m) => new()
    {
        WorkoutId = workoutId,
        UserId = userId,
        PerformedAt = new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero),
        DurationSeconds = 3600,
        Unit = WeightUnit.Kg,
        Exercises = [new ExerciseEntry { ExerciseId = "back-squat", Sets = [new SetEntry { Reps = 5, Weight = weight }] }],
    };

    public static string WorkoutBody(WorkoutLogged workout) =>
        EventWriter.Serialize(EventWriter.WorkoutLogged(workout, "tests", "evt-" + workout.WorkoutId + "-" + workout.Sets(), workout.PerformedAt));

    public static string RecomputeBody(string userId) =>
        EventWriter.Serialize(EventWriter.AnalyticsRecompute(
            new AnalyticsRecomputeRequested { UserId = userId, Reason = "test" }, "tests", "evt-r-" + userId, DateTimeOffset.UtcNow));

    /// <summary>An SQS event of the given messages, each id its body's message id.</summary>
    public static string Json(params (string MessageId, string Body)[] messages) =>
        Encoding.UTF8.GetString(LambdaJson.Serialize(Event(messages)));

    /// <summary>An event of <paramref name="count"/> messages with ids <c>m0</c>, <c>m1</c>, … and small bodies.</summary>
    public static string Json(int count) =>
        Json([.. Enumerable.Range(0, count).Select(i => ("m" + i, "{\"n\":" + i + "}"))]);

    public static SqsEvent Event(params (string MessageId, string Body)[] messages) => new()
    {
        Records = [.. messages.Select(m => new SqsMessage
        {
            MessageId = m.MessageId,
            ReceiptHandle = "handle-" + m.MessageId,
            Body = m.Body,
            EventSource = "aws:sqs",
            EventSourceArn = WritesQueueArn,
            AwsRegion = "us-east-1",
            Attributes = new Dictionary<string, string>
            {
                [SqsSystemAttributes.ApproximateReceiveCount] = "1",
                [SqsSystemAttributes.SentTimestamp] = "1767225600000",
            },
        })],
    };

    private static string Sets(this WorkoutLogged workout) =>
        string.Join('-', workout.Exercises.SelectMany(exercise => exercise.Sets).Select(set => set.Weight));
}
