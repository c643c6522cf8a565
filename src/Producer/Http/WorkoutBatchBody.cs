using System.Text.Json.Serialization;
using GymCoach.Contracts.Events;

namespace GymCoach.Producer.Http;

/// <summary>The body of <c>POST /v1/workouts:batch</c>.</summary>
internal sealed record WorkoutBatchBody([property: JsonPropertyName("workouts")] IReadOnlyList<WorkoutLogged> Workouts);
