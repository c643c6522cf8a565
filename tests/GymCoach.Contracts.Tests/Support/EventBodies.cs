using System.Text.Json.Nodes;

namespace GymCoach.Contracts.Tests.Support;

/// <summary>Hand-written SQS bodies as producers send them, independent of <c>EventWriter</c>.</summary>
internal static class EventBodies
{
    public const string Workout = """
        {
          "specversion": "1.0",
          "id": "evt-0001",
          "source": "/ingest-api",
          "type": "gymcoach.workout.logged.v1",
          "time": "2025-03-14T12:00:00Z",
          "datacontenttype": "application/json",
          "data": {
            "workoutId": "wk-01JPB7Y6K3",
            "userId": "user-42",
            "performedAt": "2025-03-14T06:30:00Z",
            "durationSeconds": 3900,
            "unit": "kg",
            "exercises": [
              { "exerciseId": "back-squat", "sets": [ { "reps": 5, "weight": 102.5, "rpe": 8 }, { "reps": 3, "weight": 110 } ] },
              { "exerciseId": "pull-up", "sets": [ { "reps": 10, "weight": 0, "rpe": 9.5 } ] }
            ]
          }
        }
        """;

    public const string Profile = """
        {
          "specversion": "1.0",
          "id": "evt-0002",
          "source": "/ingest-api",
          "type": "gymcoach.profile.updated.v1",
          "time": "2025-03-14T12:00:00Z",
          "datacontenttype": "application/json",
          "data": { "userId": "user-42", "displayName": "Ada L.", "bodyweight": 151.2, "unit": "lb", "goals": ["squat 140 kg"] }
        }
        """;

    public const string Recompute = """
        {
          "specversion": "1.0",
          "id": "evt-0003",
          "source": "/admin-tool",
          "type": "gymcoach.analytics.recompute.v1",
          "data": { "userId": "user-42", "reason": "workout deleted by support" }
        }
        """;

    /// <summary>Returns <paramref name="body"/> with one change made to its JSON tree.</summary>
    public static string With(string body, Action<JsonObject> change)
    {
        var root = JsonNode.Parse(body)!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    public static JsonObject Data(this JsonObject root) => root["data"]!.AsObject();
}
