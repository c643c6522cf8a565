using System.Net;
using Amazon.Runtime;
using GymCoach.Aws.Sqs;
using GymCoach.Contracts.Queueing;

namespace GymCoach.Workers.Tests.Queueing;

public sealed class SqsThrottlingTests
{
    [Theory]
    [InlineData("RequestThrottled", true)]
    [InlineData("ThrottlingException", true)]
    [InlineData("OverLimit", true)]
    [InlineData("KmsThrottled", true)]
    [InlineData("InternalError", false)]
    [InlineData("QueueDoesNotExist", false)]
    [InlineData(null, false)]
    public void ARequestRefusedWithAThrottlingCode_IsThrottling(string? code, bool expected) =>
        Assert.Equal(expected, SqsThrottling.IsThrottling(new SqsRequestException("SendMessageBatch", "q", code, new InvalidOperationException("x"))));

    [Fact]
    public void AnHttp429_IsThrottling_WhateverItsCode() =>
        Assert.True(SqsThrottling.IsThrottling(new AmazonServiceException("slow down", null, ErrorType.Unknown, "Unknown", "r", HttpStatusCode.TooManyRequests)));

    [Theory]
    [InlineData("RequestThrottled: Rate exceeded.", false, true)]
    [InlineData("RequestThrottled: Rate exceeded.", true, false)]
    [InlineData("InternalError: oops", false, false)]
    [InlineData("RequestThrottled", false, false)]
    public void AnEntryIsThrottled_WhenItsErrorStartsWithAThrottlingCode_AndSqsDidNotBlameTheSender(string error, bool senderFault, bool expected) =>
        Assert.Equal(expected, SqsThrottling.IsThrottled(new SendOutcome(null, error, senderFault)));
}
