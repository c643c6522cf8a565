using System.Globalization;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;
using GymCoach.Workers.Queueing;

namespace GymCoach.Aws.Sqs;

/// <summary>An Amazon SQS queue (or an SQS emulator's) behind <see cref="IMessageQueue"/>.</summary>
/// <remarks>
/// Messages come back exactly as Lambda's event source mapping presents them: every system and message attribute,
/// <c>eventSource</c> <c>aws:sqs</c>, the queue ARN and its region. Limits SQS would reject a whole request for (batch
/// size, 1 MiB per batch, receive count and wait) are checked before calling, as <see cref="ArgumentException"/>, so
/// that this queue fails exactly where <c>EmbeddedQueue</c> does. A request that fails as a whole throws
/// <see cref="SqsRequestException"/>; nothing of it may be assumed done. Every call passes the caller's token.
/// </remarks>
public sealed class SqsQueue : IMessageQueue
{
    /// <summary>Attempts of DeleteMessageBatch for entries SQS failed without blaming the sender.</summary>
    public const int MaxDeleteAttempts = 3;

    private readonly IAmazonSQS _client;
    private readonly SqsBatchDeleter _deleter;

    /// <param name="client">A shared client (see <see cref="SqsClientFactory"/>); the queue does not dispose it.</param>
    /// <param name="url">The queue URL, as CreateQueue or GetQueueUrl returned it.</param>
    /// <param name="arn">The queue ARN (<c>arn:aws:sqs:region:account:name</c>).</param>
    public SqsQueue(IAmazonSQS client, string url, string arn)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        ArgumentException.ThrowIfNullOrWhiteSpace(arn);
        var parts = arn.Split(':');
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "sqs")
        {
            throw new ArgumentException($"'{arn}' is not an SQS queue ARN.", nameof(arn));
        }

        _client = client;
        Url = url;
        Arn = arn;
        Region = parts[3];
        Name = parts[5];
        _deleter = new SqsBatchDeleter(client, url, Name);
    }

    public string Name { get; }

    public string Arn { get; }

    public string Url { get; }

    /// <summary>The queue's region, reported as <c>awsRegion</c> on received messages.</summary>
    public string Region { get; }

    public bool IsFifo => FifoQueueNames.IsFifo(Name);

    /// <summary>A queue known by its URL, as the template hands it to the functions: the ARN follows from the URL, so no call is made (cold starts).</summary>
    /// <exception cref="ArgumentException"><paramref name="url"/> is not of the form <c>…/account/name</c>.</exception>
    public static SqsQueue FromUrl(IAmazonSQS client, Uri url, string region)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        var segments = url.AbsolutePath.Trim('/').Split('/');
        if (segments.Length != 2 || segments[0].Length == 0 || segments[1].Length == 0)
        {
            throw new ArgumentException($"'{url}' is not an SQS queue URL (https://sqs.<region>.amazonaws.com/<account>/<name>)", nameof(url));
        }

        return new SqsQueue(client, url.ToString(), $"arn:aws:sqs:{region}:{segments[0]}:{segments[1]}");
    }

    /// <summary>Looks up an existing queue by name (GetQueueUrl, then its ARN).</summary>
    public static async Task<SqsQueue> OpenAsync(IAmazonSQS client, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        try
        {
            var url = (await client.GetQueueUrlAsync(new GetQueueUrlRequest { QueueName = name }, cancellationToken)).QueueUrl;
            return new SqsQueue(client, url, await GetArnAsync(client, url, cancellationToken));
        }
        catch (Exception ex) when (IsRequestFailure(ex, cancellationToken))
        {
            throw Failure("GetQueueUrl", name, ex);
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Entries SQS refuses come back as failed outcomes with <c>Code: message</c> and its sender-fault flag. An entry
    /// that breaks a rule SQS might fail the whole request for (null, empty body, characters outside SQS's set, a delay
    /// outside 0–15 min or on a FIFO queue, no FIFO group, bad attributes) fails alone as a sender fault without being
    /// sent, so one bad entry never costs the others. FIFO group and deduplication ids are only sent to FIFO queues.
    /// </remarks>
    /// <exception cref="ArgumentException">The batch is empty, has more than 10 entries, or exceeds 1 MiB in total (BatchRequestTooLong).</exception>
    /// <exception cref="SqsRequestException">The request failed as a whole; none of its messages was queued.</exception>
    public async Task<IReadOnlyList<SendOutcome>> SendBatchAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        SqsBatchEntries.CheckCount(messages, nameof(messages));
        SqsBatchEntries.CheckTotalSize(messages, nameof(messages));
        var outcomes = new SendOutcome?[messages.Count];
        var entries = new List<SendMessageBatchRequestEntry>(messages.Count);
        for (var i = 0; i < messages.Count; i++)
        {
            if (OutgoingMessageRules.Validate(messages[i], IsFifo, contentBasedDeduplication: null, out _) is { } error)
            {
                outcomes[i] = new SendOutcome(null, error, SenderFault: true);
            }
            else
            {
                entries.Add(SqsBatchEntries.ToSendEntry(i, messages[i], IsFifo));
            }
        }

        SendMessageBatchResponse? response = null;
        if (entries.Count > 0)
        {
            try
            {
                response = await _client.SendMessageBatchAsync(new SendMessageBatchRequest { QueueUrl = Url, Entries = entries }, cancellationToken);
            }
            catch (Exception ex) when (IsRequestFailure(ex, cancellationToken))
            {
                throw Failure("SendMessageBatch", Name, ex);
            }
        }

        SqsBatchEntries.ReadOutcomes(response, outcomes);
        return outcomes!;
    }

    /// <inheritdoc/>
    /// <remarks>The wait is rounded up to whole seconds, as SQS takes <c>WaitTimeSeconds</c>.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxMessages"/> is outside 1–10 or <paramref name="waitTime"/> outside 0–20 s.</exception>
    /// <exception cref="SqsRequestException">The request failed; no message was received.</exception>
    public async Task<IReadOnlyList<SqsMessage>> ReceiveAsync(int maxMessages, TimeSpan waitTime, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, MessageBatch.MaxEntries);
        ArgumentOutOfRangeException.ThrowIfLessThan(waitTime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(waitTime, QueueLimits.MaxWaitTime);

        var request = new ReceiveMessageRequest
        {
            QueueUrl = Url,
            MaxNumberOfMessages = maxMessages,
            WaitTimeSeconds = (int)Math.Ceiling(waitTime.TotalSeconds),
            MessageSystemAttributeNames = ["All"],
            MessageAttributeNames = ["All"],
        };
        try
        {
            var response = await _client.ReceiveMessageAsync(request, cancellationToken);
            return SqsMessageMapper.Map(response.Messages, Arn, Region);
        }
        catch (Exception ex) when (IsRequestFailure(ex, cancellationToken))
        {
            throw Failure("ReceiveMessage", Name, ex);
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Entries SQS fails without blaming the sender are retried up to <see cref="MaxDeleteAttempts"/> times in all; an
    /// invalid handle (a sender fault) is returned at once. A null or empty handle is returned without being sent.
    /// </remarks>
    /// <exception cref="ArgumentException">The batch is empty or has more than 10 entries.</exception>
    /// <exception cref="SqsRequestException">A request failed as a whole; deletes of earlier attempts may have happened, the rest did not.</exception>
    public Task<IReadOnlyList<string>> DeleteBatchAsync(IReadOnlyList<string> receiptHandles, CancellationToken cancellationToken)
    {
        SqsBatchEntries.CheckCount(receiptHandles, nameof(receiptHandles));
        return _deleter.DeleteAsync(receiptHandles, MaxDeleteAttempts, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The timeout is rounded up to whole seconds. An unknown or stale handle fails with <see cref="InvalidOperationException"/>
    /// whose message starts with the SQS error code (<c>ReceiptHandleIsInvalid</c>, <c>MessageNotInflight</c>), as in <c>EmbeddedQueue</c>.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="visibilityTimeout"/> is outside 0–12 h.</exception>
    /// <exception cref="SqsRequestException">The request failed for another reason.</exception>
    public async Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(receiptHandle);
        ArgumentOutOfRangeException.ThrowIfLessThan(visibilityTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(visibilityTimeout, QueueLimits.MaxVisibilityTimeout);
        var request = new ChangeMessageVisibilityRequest
        {
            QueueUrl = Url,
            ReceiptHandle = receiptHandle,
            VisibilityTimeout = (int)Math.Ceiling(visibilityTimeout.TotalSeconds),
        };
        try
        {
            await _client.ChangeMessageVisibilityAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is ReceiptHandleIsInvalidException or MessageNotInflightException)
        {
            throw new InvalidOperationException($"{((AmazonServiceException)ex).ErrorCode}: {ex.Message}", ex);
        }
        catch (Exception ex) when (IsRequestFailure(ex, cancellationToken))
        {
            throw Failure("ChangeMessageVisibility", Name, ex);
        }
    }

    /// <inheritdoc/>
    /// <remarks>SQS reports no age of the oldest message through its API, so <see cref="QueueCounts.OldestMessageAge"/> is null.</remarks>
    /// <exception cref="SqsRequestException">The request failed.</exception>
    public async Task<QueueCounts> GetCountsAsync(CancellationToken cancellationToken)
    {
        var request = new GetQueueAttributesRequest
        {
            QueueUrl = Url,
            AttributeNames =
            [
                QueueAttributeName.ApproximateNumberOfMessages,
                QueueAttributeName.ApproximateNumberOfMessagesNotVisible,
                QueueAttributeName.ApproximateNumberOfMessagesDelayed,
            ],
        };
        try
        {
            var attributes = (await _client.GetQueueAttributesAsync(request, cancellationToken)).Attributes;
            return new QueueCounts(
                Count(attributes, QueueAttributeName.ApproximateNumberOfMessages),
                Count(attributes, QueueAttributeName.ApproximateNumberOfMessagesNotVisible),
                Count(attributes, QueueAttributeName.ApproximateNumberOfMessagesDelayed));
        }
        catch (Exception ex) when (IsRequestFailure(ex, cancellationToken))
        {
            throw Failure("GetQueueAttributes", Name, ex);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="SqsRequestException">The request failed, or the queue reported no visibility timeout.</exception>
    public async Task<TimeSpan> GetVisibilityTimeoutAsync(CancellationToken cancellationToken)
    {
        var request = new GetQueueAttributesRequest { QueueUrl = Url, AttributeNames = [QueueAttributeName.VisibilityTimeout] };
        Dictionary<string, string>? attributes;
        try
        {
            attributes = (await _client.GetQueueAttributesAsync(request, cancellationToken)).Attributes;
        }
        catch (Exception ex) when (IsRequestFailure(ex, cancellationToken))
        {
            throw Failure("GetQueueAttributes", Name, ex);
        }

        return attributes is not null
            && attributes.TryGetValue(QueueAttributeName.VisibilityTimeout, out var value)
            && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : throw Failure("GetQueueAttributes", Name, new InvalidOperationException($"SQS returned no VisibilityTimeout for {Url}."));
    }

    internal static async Task<string> GetArnAsync(IAmazonSQS client, string url, CancellationToken cancellationToken)
    {
        var request = new GetQueueAttributesRequest { QueueUrl = url, AttributeNames = [QueueAttributeName.QueueArn] };
        var attributes = (await client.GetQueueAttributesAsync(request, cancellationToken)).Attributes;
        return attributes is not null && attributes.TryGetValue(QueueAttributeName.QueueArn, out var arn)
            ? arn
            : throw new InvalidOperationException($"SQS returned no QueueArn for {url}.");
    }

    /// <summary>Anything but the caller's own cancellation: SDK timeouts surface as cancellations too.</summary>
    internal static bool IsRequestFailure(Exception ex, CancellationToken cancellationToken) =>
        !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested);

    internal static SqsRequestException Failure(string operation, string queueName, Exception ex) =>
        new(operation, queueName, (ex as AmazonServiceException)?.ErrorCode, ex);

    private static long Count(Dictionary<string, string>? attributes, string name) =>
        attributes is not null && attributes.TryGetValue(name, out var value) && long.TryParse(value, CultureInfo.InvariantCulture, out var count) ? count : 0;
}
