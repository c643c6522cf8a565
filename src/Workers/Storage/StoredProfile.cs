using System.Text.Json.Serialization;
using GymCoach.Contracts.Events;

namespace GymCoach.Workers.Storage;

/// <summary>A user's profile as stored: the newest <c>profile.updated</c> data and the event time that made it newest.</summary>
public sealed record StoredProfile
{
    [JsonPropertyName("profile")]
    public required ProfileUpdated Profile { get; init; }

    [JsonPropertyName("updatedAt")]
    public required DateTimeOffset UpdatedAt { get; init; }

    [JsonPropertyName("eventId")]
    public required string EventId { get; init; }
}
