using GymCoach.Contracts.Queueing;

namespace GymCoach.Workers.Publishing;

/// <summary>A message waiting in a <see cref="SqsBatchPublisher"/>, and the completion of its caller's task.</summary>
/// <remarks>
/// Derives from the completion source so that a message costs two allocations (this and its task). Continuations run
/// asynchronously, so a caller's code never runs on the publisher's send path. A message of null is a flush marker.
/// </remarks>
internal sealed class PendingMessage : TaskCompletionSource<string>
{
    public PendingMessage(OutgoingMessage? message, int sizeInBytes)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        Message = message;
        SizeInBytes = sizeInBytes;
    }

    public OutgoingMessage? Message { get; }

    public int SizeInBytes { get; }

    /// <summary>Asks the publisher's loop to send what it holds and completes once everything sent before it has completed.</summary>
    public bool IsFlushMarker => Message is null;

    public static PendingMessage FlushMarker() => new(null, 0);
}
