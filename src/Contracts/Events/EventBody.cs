namespace GymCoach.Contracts.Events;

/// <summary>Prepares an SQS message body for parsing.</summary>
internal static class EventBody
{
    private const char ByteOrderMark = '\uFEFF';

    /// <summary>Rejects a missing body and drops a leading byte order mark, which some producers' encoders write.</summary>
    public static string Normalize(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            throw new InvalidEventException("event body is empty");
        }

        return body[0] == ByteOrderMark ? body[1..] : body;
    }
}
