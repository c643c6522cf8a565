namespace GymCoach.Producer;

/// <summary>The API refused the key: 401 (missing or unknown key) or 403 (the key may not do this). Retrying cannot help.</summary>
public sealed class ProducerAuthorizationException : GymCoachProducerException
{
    public ProducerAuthorizationException()
        : this("The API key was refused.")
    {
    }

    public ProducerAuthorizationException(string message)
        : base(message)
    {
    }

    public ProducerAuthorizationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public ProducerAuthorizationException(int statusCode, ProducerProblem? problem)
        : base(ProducerApiException.Describe(statusCode, problem, attempts: 1))
    {
        StatusCode = statusCode;
        Problem = problem;
    }

    /// <summary>401 Unauthorized or 403 Forbidden.</summary>
    public int StatusCode { get; }

    public ProducerProblem? Problem { get; }
}
