namespace GymCoach.Workers.Batching;

/// <summary>A message that can never succeed (malformed, invalid, conflicting): dead-lettered with <see cref="Exception.Message"/> as its reason.</summary>
public sealed class PoisonMessageException : Exception
{
    public PoisonMessageException()
    {
    }

    public PoisonMessageException(string reason)
        : base(reason)
    {
    }

    public PoisonMessageException(string reason, Exception innerException)
        : base(reason, innerException)
    {
    }
}
