using System.Globalization;

namespace GymCoach.Producer;

/// <summary>The API did not accept the request: an answer other than 202, 400, 401 or 403, or 429/503 after every retry.</summary>
/// <remarks>After 503 some of the events may be queued; repeating the call with the same <see cref="SendOptions.IdempotencyKey"/> is safe.</remarks>
public sealed class ProducerApiException : GymCoachProducerException
{
    public ProducerApiException()
        : this("The API did not accept the request.")
    {
    }

    public ProducerApiException(string message)
        : base(message)
    {
    }

    public ProducerApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public ProducerApiException(int statusCode, ProducerProblem? problem, int attempts)
        : base(Describe(statusCode, problem, attempts))
    {
        StatusCode = statusCode;
        Problem = problem;
        Attempts = attempts;
    }

    /// <summary>The HTTP status of the last answer.</summary>
    public int StatusCode { get; }

    /// <summary>The last answer's problem document, when it had one.</summary>
    public ProducerProblem? Problem { get; }

    /// <summary>How many requests were made, counting the first.</summary>
    public int Attempts { get; }

    internal static string Describe(int statusCode, ProducerProblem? problem, int attempts)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"The API answered {statusCode}");
        if (problem?.Title is { } title)
        {
            text += ": " + title;
        }

        if (problem?.Detail is { } detail)
        {
            text += " (" + detail + ")";
        }

        return attempts > 1 ? string.Create(CultureInfo.InvariantCulture, $"{text} after {attempts} attempts.") : text + ".";
    }
}
