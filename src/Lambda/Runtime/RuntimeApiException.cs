using System.Net;

namespace GymCoach.Lambda.Runtime;

/// <summary>The runtime API refused a call or answered in a way the runtime cannot go on from.</summary>
/// <remarks>A <see cref="HttpStatusCode.InternalServerError"/> means the environment is broken: the process should exit.</remarks>
public sealed class RuntimeApiException : Exception
{
    public RuntimeApiException()
    {
    }

    public RuntimeApiException(string message)
        : base(message)
    {
    }

    public RuntimeApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RuntimeApiException(string message, HttpStatusCode statusCode)
        : base(message)
    {
        StatusCode = statusCode;
    }

    /// <summary>The runtime API's status code, or null when it sent no usable answer.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Whether the runtime can go on with the next invocation: only a refused post of one invocation's result allows it.</summary>
    public bool IsRecoverable => StatusCode is { } status && (int)status is >= 400 and < 500;
}
