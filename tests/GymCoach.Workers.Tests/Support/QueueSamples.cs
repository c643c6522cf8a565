using GymCoach.Contracts.Queueing;

namespace GymCoach.Workers.Tests.Support;

/// <summary>Object mother for queue tests: outgoing messages with readable defaults.</summary>
public static class QueueSamples
{
    public static OutgoingMessage Message(string body = "{\"hello\":\"world\"}", IReadOnlyDictionary<string, string>? attributes = null) =>
        new() { Body = body, Attributes = attributes };

    public static OutgoingMessage FifoMessage(string body, string groupId, string? deduplicationId = null) =>
        new() { Body = body, MessageGroupId = groupId, DeduplicationId = deduplicationId ?? Guid.NewGuid().ToString("N") };

    public static IReadOnlyList<OutgoingMessage> Messages(int count, string prefix = "message") =>
        [.. Enumerable.Range(0, count).Select(i => Message($"{prefix}-{i}"))];

    /// <summary>A queue name no other test uses, within SQS's naming rules.</summary>
    public static string UniqueName(string stem, bool fifo = false) =>
        $"{stem}-{Guid.NewGuid():N}"[..Math.Min(stem.Length + 13, 75)] + (fifo ? ".fifo" : string.Empty);
}
