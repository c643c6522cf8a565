namespace GymCoach.Contracts.Tests.Support;

/// <summary>Lambda SQS events as the service sends them, after the samples in the AWS Lambda developer guide.</summary>
internal static class SqsEventSamples
{
    public const string Standard = """
        {
          "Records": [
            {
              "messageId": "059f36b4-87a3-44ab-83d2-661975830a7d",
              "receiptHandle": "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a...",
              "body": "Test message.",
              "attributes": {
                "ApproximateReceiveCount": "1",
                "SentTimestamp": "1545082649183",
                "SenderId": "AIDAIENQZJOLO23YVJ4VO",
                "ApproximateFirstReceiveTimestamp": "1545082649185"
              },
              "messageAttributes": {
                "myAttribute": { "stringValue": "myValue", "stringListValues": [], "binaryListValues": [], "dataType": "String" }
              },
              "md5OfBody": "e4e68fb7bd0e697a0ae8f1bb342846b3",
              "eventSource": "aws:sqs",
              "eventSourceARN": "arn:aws:sqs:us-east-2:123456789012:my-queue",
              "awsRegion": "us-east-2"
            },
            {
              "messageId": "2e1424d4-f796-459a-8184-9c92662be6da",
              "receiptHandle": "AQEBzWwaftRI0KuVm4tP+/7q1rGgNqicHq...",
              "body": "Test message.",
              "attributes": {
                "ApproximateReceiveCount": "3",
                "SentTimestamp": "1545082650636",
                "SenderId": "AIDAIENQZJOLO23YVJ4VO",
                "ApproximateFirstReceiveTimestamp": "1545082650649"
              },
              "messageAttributes": {},
              "md5OfBody": "e4e68fb7bd0e697a0ae8f1bb342846b3",
              "md5OfMessageAttributes": null,
              "eventSource": "aws:sqs",
              "eventSourceARN": "arn:aws:sqs:us-east-2:123456789012:my-queue",
              "awsRegion": "us-east-2"
            }
          ]
        }
        """;

    public const string Fifo = """
        {
          "Records": [
            {
              "messageId": "11d6ee51-4cc7-4302-9e22-7cd8afdaadf5",
              "receiptHandle": "AQEBBX8nesZEXmkhsmZeyIE8iQAMig7qw...",
              "body": "Test message.",
              "attributes": {
                "ApproximateReceiveCount": "1",
                "SentTimestamp": "1573251510774",
                "SequenceNumber": "18849496460467696128",
                "MessageGroupId": "user-42",
                "SenderId": "AIDAIO23YVJENQZJOL4VO",
                "MessageDeduplicationId": "evt-0001",
                "ApproximateFirstReceiveTimestamp": "1573251510774"
              },
              "messageAttributes": {},
              "md5OfBody": "e4e68fb7bd0e697a0ae8f1bb342846b3",
              "eventSource": "aws:sqs",
              "eventSourceARN": "arn:aws:sqs:us-east-2:123456789012:writes.fifo",
              "awsRegion": "us-east-2"
            }
          ]
        }
        """;

    /// <summary>Binary attributes travel base64-encoded: <c>AQID/w==</c> is 01 02 03 FF.</summary>
    public const string BinaryAttributes = """
        {
          "Records": [
            {
              "messageId": "b1",
              "body": "{}",
              "md5OfMessageAttributes": "9c2a2c2c6e0fdf4c3b3c8d0e6a1d5f7a",
              "messageAttributes": {
                "checksum": { "binaryValue": "AQID/w==", "stringListValues": [], "binaryListValues": [], "dataType": "Binary" },
                "chunks": { "binaryListValues": ["AAE=", "/w=="], "dataType": "Binary" }
              },
              "eventSource": "aws:sqs"
            }
          ]
        }
        """;

    /// <summary>Names in other cases than the service's, which the Lambda serializer accepts.</summary>
    public const string OddCase = """
        {
          "records": [
            {
              "MessageId": "m-1",
              "BODY": "hello",
              "EventSourceArn": "arn:aws:sqs:eu-west-1:123456789012:q",
              "Attributes": { "ApproximateReceiveCount": "2" },
              "MessageAttributes": { "correlationId": { "StringValue": "c-7", "DataType": "String" } }
            }
          ]
        }
        """;
}
