using System.Net;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using GymCoach.Workers.Storage.Dynamo;

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

    private sealed class AmazonDynamoDBExceptionWithCode(string code)
        : Amazon.DynamoDBv2.AmazonDynamoDBException("injected", ErrorType.Sender, code, "request", HttpStatusCode.BadRequest);
}
