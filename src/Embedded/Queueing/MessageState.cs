namespace GymCoach.Embedded.Queueing;

/// <summary>Where a message of an <see cref="EmbeddedQueue"/> is in its life.</summary>
internal enum MessageState
{
    /// <summary>Sent with a delay that has not passed yet.</summary>
    Delayed,

    /// <summary>Waiting to be received.</summary>
    Visible,

    /// <summary>Received and hidden until its visibility timeout passes.</summary>
    InFlight,

    /// <summary>Deleted or moved to the dead-letter queue.</summary>
    Gone,
}
