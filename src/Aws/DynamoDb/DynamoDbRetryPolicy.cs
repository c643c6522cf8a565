using System.Net;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace GymCoach.Aws.DynamoDb;

/// <summary>Sends requests and retries what a retry can fix, with exponential backoff and full jitter, counting every retry.</summary>
/// <remarks>
/// Full jitter (a uniformly random wait between zero and the doubled ceiling) spreads the retries of many concurrent
/// writers instead of letting them collide again, as AWS recommends for throttling. Throttling keeps being retried past
/// <see cref="DynamoDbStoreOptions.MaxAttempts"/> within <see cref="DynamoDbStoreOptions.ThrottledRetryWindow"/>, or until
/// the caller's token is cancelled: slowing down is what DynamoDB asked for, failing is not.
/// </remarks>
internal sealed class DynamoDbRetryPolicy(DynamoDbStoreOptions options, DynamoDbStoreCounters counters, TimeProvider timeProvider)
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "ProvisionedThroughputExceededException", "ThrottlingException", "Throttling", "RequestLimitExceeded", "TooManyRequestsException",
    };

    public string TableName => options.TableName;

    public DynamoDbStoreCounters Counters => counters;

    /// <summary>A retry budget for one logical operation: <see cref="DynamoDbStoreOptions.MaxAttempts"/> requests in all.</summary>
    public RetryBudget Budget(string operation) => new(this, operation) { StartedAt = timeProvider.GetTimestamp() };

    /// <summary>Sends the request until it succeeds, fails with an error no retry can fix, or the budget is spent.</summary>
    /// <exception cref="DynamoDbStoreException">The budget is spent, or DynamoDB refused the request for good.</exception>
    /// <exception cref="TransactionCanceledException">Passed on for the caller to read its cancellation reasons.</exception>
    /// <exception cref="ConditionalCheckFailedException">Passed on: a refused condition is an answer, not a failure.</exception>
    public async Task<T> SendAsync<T>(RetryBudget budget, Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        while (true)
        {
            counters.Request();
            try
            {
                return await send(cancellationToken);
            }
            catch (Exception exception) when (Classify(exception, cancellationToken) is { } reason)
            {
                await budget.BackOffAsync(reason, exception, cancellationToken);
            }
            catch (AmazonServiceException exception) when (exception is not (TransactionCanceledException or ConditionalCheckFailedException))
            {
                throw new DynamoDbStoreException(
                    $"{budget.Operation} on table '{options.TableName}' failed: {exception.ErrorCode}: {exception.Message}", exception);
            }
        }
    }

    internal async Task BackOffAsync(RetryBudget budget, RetryReason reason, Exception? cause, CancellationToken cancellationToken)
    {
        if (reason == RetryReason.Throttled)
        {
            counters.Throttle();
        }
        else if (reason == RetryReason.TransactionConflict)
        {
            counters.TransactionConflict();
        }

        if (budget.Attempts >= options.MaxAttempts && !WithinThrottledWindow(budget, reason))
        {
            throw new DynamoDbStoreException(
                $"{budget.Operation} on table '{options.TableName}' gave up after {budget.Attempts} attempts ({Describe(reason)}){(cause is null ? "" : ": " + cause.Message)}",
                cause);
        }

        counters.Retry();
        budget.SawTransientError |= reason == RetryReason.TransientError;

        var ceiling = Math.Min(options.MaxDelay.TotalMilliseconds, options.BaseDelay.TotalMilliseconds * Math.Pow(2, budget.Attempts - 1));
        budget.Attempts++;
        var delay = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, timeProvider, cancellationToken);
        }
    }

    /// <summary>Whether DynamoDB asked to slow down and the operation may still wait for it.</summary>
    private bool WithinThrottledWindow(RetryBudget budget, RetryReason reason) =>
        reason is RetryReason.Throttled or RetryReason.UnprocessedItems
        && timeProvider.GetElapsedTime(budget.StartedAt) < options.ThrottledRetryWindow;

    /// <summary>Why <paramref name="exception"/> is worth a retry, or null when it is not.</summary>
    internal static RetryReason? Classify(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        TransactionCanceledException or ConditionalCheckFailedException => null,
        ProvisionedThroughputExceededException or RequestLimitExceededException => RetryReason.Throttled,
        AmazonServiceException service when service.ErrorCode is { } code && ThrottlingCodes.Contains(code) => RetryReason.Throttled,
        AmazonServiceException { StatusCode: HttpStatusCode.TooManyRequests } => RetryReason.Throttled,
        InternalServerErrorException or TransactionInProgressException => RetryReason.TransientError,
        AmazonServiceException { StatusCode: >= HttpStatusCode.InternalServerError } => RetryReason.TransientError,
        HttpRequestException or IOException or TimeoutException or OperationCanceledException => RetryReason.TransientError,
        AmazonClientException { InnerException: { } inner } => Classify(inner, cancellationToken),
        AmazonServiceException { InnerException: HttpRequestException or IOException } => RetryReason.TransientError,
        _ => null,
    };

    private static string Describe(RetryReason reason) => reason switch
    {
        RetryReason.Throttled => "still throttled",
        RetryReason.UnprocessedItems => "items still unprocessed",
        RetryReason.TransactionConflict => "transaction still conflicting",
        _ => "still failing",
    };
}
