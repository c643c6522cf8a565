using System.Text.Json.Serialization;

namespace GymCoach.Contracts.Events;

/// <summary>Data of <c>gymcoach.profile.updated.v1</c>: the whole profile as of the event's time (last write wins).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ProfileUpdated
{
    [JsonPropertyName("userId")]
    public required string UserId { get; init; }

    [JsonPropertyName("displayName")]
    public required string DisplayName { get; init; }

    [JsonPropertyName("bodyweight")]
    public required decimal Bodyweight { get; init; }

    [JsonPropertyName("unit")]
    public required WeightUnit Unit { get; init; }

    [JsonPropertyName("goals")]
    public required IReadOnlyList<string> Goals { get; init; }
}
