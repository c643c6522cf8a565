namespace GymCoach.Embedded.Queueing;

/// <summary>What one receive handed out for one message, captured under the queue lock so the message can be built outside it.</summary>
internal readonly record struct Delivery(QueuedMessage Message, string ReceiptHandle, int ReceiveCount, long FirstReceiveMs);
