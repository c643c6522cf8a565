using System.Net;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using GymCoach.Aws.DynamoDb;
using Microsoft.Extensions.Time.Testing;

namespace GymCoach.Workers.Tests.Storage.Dynamo;

public sealed class DynamoDbRetryPolicyTests
{
    public static TheoryData<Exception, string?> Answers => new()
    {
        { new ProvisionedThroughputExceededException("slow down"), "Throttled" },
        { new RequestLimitExceededException("account limit"), "Throttled" },
        { new AmazonDynamoDBExceptionWithCode("ThrottlingException"), "Throttled" },
        { new InternalServerErrorException("oops"), "TransientError" },
        { new AmazonServiceException("unavailable", null, ErrorType.Unknown, "ServiceUnavailable", "r", HttpStatusCode.ServiceUnavailable), "TransientError" },
        { new HttpRequestException("connection refused"), "TransientError" },
        { new TaskCanceledException("HttpClient timeout"), "TransientError" },
        { new AmazonDynamoDBExceptionWithCode("ValidationException"), null },
        { new ResourceNotFoundException("no table"), null },
        { new ConditionalCheckFailedException("refused"), null },
        { new TransactionCanceledException("cancelled"), null },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public void Classify_RetriesThrottlingAndTransientErrors_Only(Exception exception, string? expected)
    {
        Assert.Equal(expected, DynamoDbRetryPolicy.Classify(exception, CancellationToken.None)?.ToString());
    }

    [Fact]
    public void Classify_NeverRetries_TheCallersOwnCancellation()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Null(DynamoDbRetryPolicy.Classify(new TaskCanceledException(), cancelled.Token));
    }

    [Theory]
    [InlineData("Throttled")]
    [InlineData("UnprocessedItems")]
    public async Task ThrottlingIsRetriedPastMaxAttempts_UntilTheThrottledWindowHasPassed(string reason)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 6, 0, 0, TimeSpan.Zero));
        var policy = Policy(time, TimeSpan.FromSeconds(10));
        var budget = policy.Budget("BatchWriteItem");

        for (var i = 0; i < 20; i++)
        {
            await budget.BackOffAsync(Enum.Parse<RetryReason>(reason), null, CancellationToken.None);
            time.Advance(TimeSpan.FromMilliseconds(400));
        }

        time.Advance(TimeSpan.FromSeconds(2));
        var failure = await Assert.ThrowsAsync<DynamoDbStoreException>(() => budget.BackOffAsync(Enum.Parse<RetryReason>(reason), null, CancellationToken.None));
        Assert.Contains("gave up after 21 attempts", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TransientError")]
    [InlineData("TransactionConflict")]
    public async Task OtherRetries_StopAtMaxAttempts_EvenWithinTheThrottledWindow(string reason)
    {
        var policy = Policy(new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 6, 0, 0, TimeSpan.Zero)), TimeSpan.FromSeconds(10));
        var budget = policy.Budget("TransactWriteItems");

        await budget.BackOffAsync(Enum.Parse<RetryReason>(reason), null, CancellationToken.None);
        await budget.BackOffAsync(Enum.Parse<RetryReason>(reason), null, CancellationToken.None);

        await Assert.ThrowsAsync<DynamoDbStoreException>(() => budget.BackOffAsync(Enum.Parse<RetryReason>(reason), null, CancellationToken.None));
    }

    [Fact]
    public async Task AZeroThrottledWindow_StopsThrottlingAtMaxAttempts()
    {
        var policy = Policy(new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 6, 0, 0, TimeSpan.Zero)), TimeSpan.Zero);
        var budget = policy.Budget("GetItem");

        await budget.BackOffAsync(RetryReason.Throttled, null, CancellationToken.None);
        await budget.BackOffAsync(RetryReason.Throttled, null, CancellationToken.None);

        var failure = await Assert.ThrowsAsync<DynamoDbStoreException>(() => budget.BackOffAsync(RetryReason.Throttled, null, CancellationToken.None));
        Assert.Contains("gave up after 3 attempts (still throttled)", failure.Message, StringComparison.Ordinal);
    }

    // No delay between attempts, so only the clock the test moves decides the window.
    private static DynamoDbRetryPolicy Policy(TimeProvider time, TimeSpan throttledRetryWindow) => new(
        new DynamoDbStoreOptions { MaxAttempts = 3, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero, ThrottledRetryWindow = throttledRetryWindow },
        new DynamoDbStoreCounters(),
        time);

    private sealed class AmazonDynamoDBExceptionWithCode(string code)
        : Amazon.DynamoDBv2.AmazonDynamoDBException("injected", ErrorType.Sender, code, "request", HttpStatusCode.BadRequest);
}
