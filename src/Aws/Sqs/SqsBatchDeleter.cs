using Amazon.SQS;
using Amazon.SQS.Model;

namespace GymCoach.Aws.Sqs;

/// <summary>DeleteMessageBatch for one queue, resending only the entries SQS failed without blaming the sender, after a jittered backoff.</summary>
internal sealed class SqsBatchDeleter(IAmazonSQS client, string queueUrl, string queueName)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(50);

    /// <summary>Returns the handles that were not deleted: invalid ones (sender faults) at once, the others after <paramref name="maxAttempts"/>.</summary>
    /// <exception cref="SqsRequestException">A request failed as a whole.</exception>
    public async Task<IReadOnlyList<string>> DeleteAsync(IReadOnlyList<string> handles, int maxAttempts, CancellationToken cancellationToken)
    {
        var failed = new List<string>();
        var pending = new List<int>(handles.Count);
        for (var i = 0; i < handles.Count; i++)
        {
            if (string.IsNullOrEmpty(handles[i]))
            {
                failed.Add(handles[i] ?? string.Empty);
            }
            else
            {
                pending.Add(i);
            }
        }

        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var retry = await DeleteOnceAsync(handles, pending, failed, cancellationToken);
            if (retry.Count > 0 && attempt == maxAttempts)
            {
                failed.AddRange(retry.Select(index => handles[index]));
                break;
            }

            if (retry.Count > 0)
            {
                // Full jitter: entries SQS failed under load are not sent back by every caller at the same moment.
                await Task.Delay(RetryDelay * attempt * Random.Shared.NextDouble(), cancellationToken);
            }

            pending = retry;
        }

        return failed;
    }

    private async Task<List<int>> DeleteOnceAsync(IReadOnlyList<string> handles, List<int> pending, List<string> failed, CancellationToken cancellationToken)
    {
        var entries = new List<DeleteMessageBatchRequestEntry>(pending.Count);
        foreach (var index in pending)
        {
            entries.Add(new DeleteMessageBatchRequestEntry { Id = SqsBatchEntries.Id(index), ReceiptHandle = handles[index] });
        }

        DeleteMessageBatchResponse response;
        try
        {
            response = await client.DeleteMessageBatchAsync(new DeleteMessageBatchRequest { QueueUrl = queueUrl, Entries = entries }, cancellationToken);
        }
        catch (Exception ex) when (SqsQueue.IsRequestFailure(ex, cancellationToken))
        {
            throw SqsQueue.Failure("DeleteMessageBatch", queueName, ex);
        }

        var answered = new bool[handles.Count];
        var retry = new List<int>();
        foreach (var success in response.Successful ?? [])
        {
            answered[SqsBatchEntries.Index(success.Id)] = true;
        }

        foreach (var failure in response.Failed ?? [])
        {
            var index = SqsBatchEntries.Index(failure.Id);
            answered[index] = true;
            if (failure.SenderFault ?? false)
            {
                failed.Add(handles[index]);
            }
            else
            {
                retry.Add(index);
            }
        }

        // Assume failure until SQS said otherwise.
        retry.AddRange(pending.Where(index => !answered[index]));
        return retry;
    }
}
