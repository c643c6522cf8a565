namespace GymCoach.Aws.Sqs;

/// <summary>Where an SQS client talks to: Amazon SQS with the default credential chain, or an emulator on a local endpoint.</summary>
/// <param name="ServiceUrl">The emulator's endpoint, or null for Amazon SQS.</param>
/// <param name="Region">The signing region; for Amazon SQS null means the SDK's default region resolution.</param>
public sealed record SqsConnection(Uri? ServiceUrl, string? Region)
{
    /// <summary>The region emulators are signed for unless told otherwise.</summary>
    public const string EmulatorRegion = "us-east-1";

    /// <summary>Amazon SQS, with credentials and (unless given) the region from the SDK's default chains.</summary>
    public static SqsConnection Aws(string? region = null) => new(null, region);

    /// <summary>An SQS-compatible emulator (fauxqs, moto) at <paramref name="serviceUrl"/>; it accepts any credentials.</summary>
    public static SqsConnection Emulator(Uri serviceUrl, string region = EmulatorRegion)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        return new SqsConnection(serviceUrl, region);
    }
}
