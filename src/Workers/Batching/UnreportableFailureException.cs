using System.Globalization;

namespace GymCoach.Workers.Batching;

/// <summary>
/// Failed or unstarted records have no message id, so no partial batch response can name them for retry; the
/// invocation must fail as a whole so that Lambda retries every message of the batch.
/// </summary>
/// <remarks>
/// Left out of the response, such a record would count as a success and be deleted; named by an empty id, the
/// response would be refused. Failing the invocation is the one answer that loses nothing.
/// </remarks>
public sealed class UnreportableFailureException : Exception
{
    public UnreportableFailureException(int failureCount, int recordCount)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"{failureCount} of {recordCount} records failed with no message id, which no partial batch response can name: failing the invocation so that the whole batch is retried."))
    {
        FailureCount = failureCount;
    }

    /// <summary>How many records failed without a message id.</summary>
    public int FailureCount { get; }
}
