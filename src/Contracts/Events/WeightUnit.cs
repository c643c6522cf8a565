using System.Text.Json.Serialization;

namespace GymCoach.Contracts.Events;

/// <summary>The unit a weight is given in; analytics convert everything to kilograms.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WeightUnit>))]
public enum WeightUnit
{
    [JsonStringEnumMemberName("kg")]
    Kg,

    [JsonStringEnumMemberName("lb")]
    Lb,
}
