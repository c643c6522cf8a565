using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;

namespace GymCoach.Producer.Tests.Support;

/// <summary>Receives what a test's producer sent to a queue.</summary>
internal static class QueueReader
{
    /// <summary>Receives until <paramref name="expected"/> messages arrived or 10 s passed; messages stay in the queue until their visibility timeout.</summary>
    public static async Task<List<SqsMessage>> ReceiveAsync(IMessageQueue queue, int expected)
    {
        var messages = new List<SqsMessage>();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (messages.Count < expected && DateTimeOffset.UtcNow < deadline)
        {
            messages.AddRange(await queue.ReceiveAsync(10, TimeSpan.FromMilliseconds(500), CancellationToken.None));
        }

        return messages;
    }
}
