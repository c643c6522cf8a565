using System.Net;
using Amazon.Runtime;
using GymCoach.Contracts.Queueing;

namespace GymCoach.Aws.Sqs;

/// <summary>Recognises SQS asking the caller to slow down, whether a whole request or one batch entry was refused.</summary>
/// <remarks>
/// <c>RequestThrottled</c> and <c>ThrottlingException</c> are request-rate limits; <c>KmsThrottled</c> is the queue's
/// KMS key being throttled; <c>OverLimit</c> is a quota such as the number of in-flight messages. Waiting helps all of
/// them, so all of them are answered with backoff rather than failure.
/// </remarks>
internal static class SqsThrottling
{
    private static readonly HashSet<string> Codes = new(StringComparer.Ordinal)
    {
        "RequestThrottled", "RequestThrottledException", "ThrottlingException", "Throttling", "ThrottledException",
        "TooManyRequestsException", "KmsThrottled", "KmsThrottledException", "OverLimit", "OverLimitException",
    };

    /// <summary>A whole request refused for throttling: an <see cref="SqsRequestException"/> or SDK error with a throttling code or HTTP 429.</summary>
    public static bool IsThrottling(Exception exception) => exception switch
    {
        SqsRequestException { ErrorCode: { } code } when Codes.Contains(code) => true,
        SqsRequestException { InnerException: { } inner } => IsThrottling(inner),
        AmazonServiceException { ErrorCode: { } code } when Codes.Contains(code) => true,
        AmazonServiceException { StatusCode: HttpStatusCode.TooManyRequests } => true,
        _ => false,
    };

    /// <summary>One entry of a batch refused for throttling: <see cref="SqsBatchEntries"/> writes its error as <c>Code: message</c>.</summary>
    public static bool IsThrottled(SendOutcome outcome)
    {
        if (outcome.Succeeded || outcome.SenderFault || outcome.Error is not { } error)
        {
            return false;
        }

        var colon = error.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && Codes.Contains(error[..colon]);
    }
}
