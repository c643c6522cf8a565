using System.Text.Json.Serialization;

namespace GymCoach.Contracts.Lambda;

/// <summary>A user-defined message attribute; binary values travel base64-encoded in JSON.</summary>
public sealed record SqsMessageAttribute
{
    [JsonPropertyName("stringValue")]
    public string? StringValue { get; init; }

    [JsonPropertyName("binaryValue")]
    public byte[]? BinaryValue { get; init; }

    [JsonPropertyName("stringListValues")]
    public IReadOnlyList<string>? StringListValues { get; init; }

    [JsonPropertyName("binaryListValues")]
    public IReadOnlyList<byte[]>? BinaryListValues { get; init; }

    [JsonPropertyName("dataType")]
    public required string DataType { get; init; }

    public static SqsMessageAttribute FromString(string value) => new() { DataType = "String", StringValue = value };
}
