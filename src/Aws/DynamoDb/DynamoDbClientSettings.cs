namespace GymCoach.Aws.DynamoDb;

/// <summary>Where a DynamoDB client connects: an emulator's endpoint, or AWS with the default credential chain.</summary>
public sealed record DynamoDbClientSettings
{
    /// <summary>The signing region used for emulators, which accept any.</summary>
    public const string EmulatorRegion = "us-east-1";

    /// <summary>An emulator's endpoint (DynamoDB Local); null for AWS.</summary>
    public Uri? ServiceUrl { get; init; }

    /// <summary>The AWS region; null takes the SDK's (AWS_REGION, as Lambda sets it). For an emulator, the signing region.</summary>
    public string? Region { get; init; }

    /// <summary>How long one HTTP request may take before it counts as a transient failure; default 10 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public static DynamoDbClientSettings ForEmulator(Uri serviceUrl) => new() { ServiceUrl = serviceUrl, Region = EmulatorRegion };

    public static DynamoDbClientSettings ForAws(string? region = null) => new() { Region = region };
}
