namespace GymCoach.Producer.Tests.Support;

/// <summary>What a <see cref="RecordingHandler"/> saw of one request.</summary>
internal sealed record RecordedRequest(string Path, string? IdempotencyKey);
