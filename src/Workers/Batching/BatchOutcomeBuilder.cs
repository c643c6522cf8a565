using GymCoach.Contracts.Lambda;
using Serilog;

namespace GymCoach.Workers.Batching;

/// <summary>Counts the statuses and lists the failures in event order, each reportable id exactly once.</summary>
internal static class BatchOutcomeBuilder
{
    public static BatchOutcome Build(IReadOnlyList<SqsMessage> records, MessageStatus[] status, ILogger logger)
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
            logger.Error("{FailureCount} failed records have no message id and cannot be reported for retry", unreportable);
        }

        return new BatchOutcome(new SqsBatchResponse { BatchItemFailures = failures }, succeeded, retryFailed, deadLettered, notStarted);
    }
}
