using System.Text;
using GymCoach.Contracts.Events;
using GymCoach.Contracts.Lambda;

namespace GymCoach.Cli.Tests.Support;

/// <summary>Lambda SQS events carrying GymCoach CloudEvents, for feeding the workers.</summary>
internal static class Events
{
    public const string WritesQueueArn = "arn:aws:sqs:us-east-1:000000000000:gymcoach-writes";

    public static WorkoutLogged Workout(string workoutId, string userId, decimal weight = 100m, int reps = 5) => new()
    {
        WorkoutId = workoutId,
        UserId = userId,
        PerformedAt = new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero),
        DurationSeconds = 3600,
        Unit = WeightUnit.Kg,
        Exercises = [new ExerciseEntry { ExerciseId = "back-squat", Sets = [new SetEntry { Reps = reps, Weight = weight }] }],
    };

    public static string WorkoutBody(WorkoutLogged workout) =>
        EventWriter.Serialize(EventWriter.WorkoutLogged(workout, "tests", "evt-" + workout.WorkoutId, workout.PerformedAt));

    /// <summary>A recompute request as the writes worker sends it: naming the workouts it stored.</summary>
    public static string RecomputeBody(string userId, params string[] workoutIds) =>
        EventWriter.Serialize(EventWriter.AnalyticsRecompute(
            new AnalyticsRecomputeRequested { UserId = userId, Reason = RecomputeReasons.WorkoutsChanged, WorkoutIds = workoutIds },
            "tests",
            "evt-r-" + userId,
            DateTimeOffset.UtcNow));

    public static string SqsEventJson(string queueArn, params (string MessageId, string Body)[] messages)
    {
        var records = messages.Select(m => new SqsMessage
        {
            MessageId = m.MessageId,
            ReceiptHandle = "handle-" + m.MessageId,
            Body = m.Body,
            EventSource = "aws:sqs",
            EventSourceArn = queueArn,
            AwsRegion = "us-east-1",
            Attributes = new Dictionary<string, string>
            {
                [SqsSystemAttributes.ApproximateReceiveCount] = "1",
                [SqsSystemAttributes.SentTimestamp] = "1767225600000",
            },
        }).ToList();
        return Encoding.UTF8.GetString(LambdaJson.Serialize(new SqsEvent { Records = records }));
    }
}
