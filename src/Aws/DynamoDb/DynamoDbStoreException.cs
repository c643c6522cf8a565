using GymCoach.Contracts.Storage;

namespace GymCoach.Aws.DynamoDb;

/// <summary>A DynamoDB request failed for good: retries exhausted, the service unreachable, or an error no retry can fix.</summary>
/// <remarks>
/// A failed <c>WriteAsync</c> carries what it knows in <see cref="Results"/>: a result for every write DynamoDB
/// confirmed (written, or refused by its condition), null for every write whose fate is unknown. Writes are idempotent
/// for the handlers, so the usual answer is to fail the messages and let them be redelivered.
/// </remarks>
public sealed class DynamoDbStoreException : Exception
{
    public DynamoDbStoreException()
    {
    }

    public DynamoDbStoreException(string message)
        : base(message)
    {
    }

    public DynamoDbStoreException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public DynamoDbStoreException(string message, Exception? innerException, IReadOnlyList<WriteResult?> results)
        : base(message, innerException)
    {
        Results = results;
    }

    /// <summary>For a failed write call: per write, in order, the confirmed result or null; null for other calls.</summary>
    public IReadOnlyList<WriteResult?>? Results { get; }
}
