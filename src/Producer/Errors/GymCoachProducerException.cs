namespace GymCoach.Producer;

/// <summary>An event could not be sent: the base of every error an <see cref="IGymCoachProducer"/> throws for its calls.</summary>
/// <remarks>
/// Catch the derived types for the cases a producer handles differently: <see cref="ProducerValidationException"/>
/// (fix the data), <see cref="ProducerAuthorizationException"/> (fix the key), <see cref="ProducerApiException"/> (the
/// API refused or stayed unavailable), <see cref="ProducerSendException"/> (SQS did not take every message).
/// </remarks>
public class GymCoachProducerException : Exception
{
    public GymCoachProducerException()
        : this("The event could not be sent.")
    {
    }

    public GymCoachProducerException(string message)
        : base(message)
    {
    }

    public GymCoachProducerException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
