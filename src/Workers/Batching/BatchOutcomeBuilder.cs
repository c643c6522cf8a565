using GymCoach.Contracts.Lambda;

namespace GymCoach.Workers.Batching;

/// <summary>Counts the statuses and lists the failures in event order, each id exactly once.</summary>
internal static class BatchOutcomeBuilder
{
    /// <exception cref="UnreportableFailureException">A record to retry has no message id.</exception>
    public static BatchOutcome Build(IReadOnlyList<SqsMessage> records, MessageStatus[] status)
    {
        int succeeded = 0, retryFailed = 0, deadLettered = 0, notStarted = 0;
        for (var i = 0; i < status.Length; i++)
        {
            switch (status[i])
            {
                case MessageStatus.Succeeded:
                    succeeded++;
                    break;
                case MessageStatus.DeadLettered:
                    deadLettered++;
                    break;
                case MessageStatus.NotStarted:
                    notStarted++;
                    break;
                default:
                    // Handled or Poison here means the chunk stopped before settling: assume failure.
                    retryFailed++;
                    break;
            }
        }

        var failureCount = retryFailed + notStarted;
        if (failureCount == 0)
        {
            return new BatchOutcome(new SqsBatchResponse { BatchItemFailures = [] }, succeeded, 0, deadLettered, 0);
        }

        var failures = new List<BatchItemFailure>(failureCount);
        var reported = new HashSet<string>(failureCount, StringComparer.Ordinal);
        var unreportable = 0;
        for (var i = 0; i < status.Length; i++)
        {
            if (status[i] is MessageStatus.Succeeded or MessageStatus.DeadLettered)
            {
                continue;
            }

            // An empty or null identifier would make Lambda retry the whole batch; such a record cannot be retried alone.
            var id = records[i]?.MessageId;
            if (string.IsNullOrWhiteSpace(id))
            {
                unreportable++;
            }
            else if (reported.Add(id))
            {
                failures.Add(new BatchItemFailure { ItemIdentifier = id });
            }
        }

        if (unreportable > 0)
        {
            // Left out of the response it would be deleted: only a failed invocation gets it retried.
            throw new UnreportableFailureException(unreportable, records.Count);
        }

        return new BatchOutcome(new SqsBatchResponse { BatchItemFailures = failures }, succeeded, retryFailed, deadLettered, notStarted);
    }
}
