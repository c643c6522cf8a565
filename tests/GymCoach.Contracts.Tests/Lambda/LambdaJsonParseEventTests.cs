using System.Text;
using System.Text.Json;
using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Tests.Support;

namespace GymCoach.Contracts.Tests.Lambda;

public sealed class LambdaJsonParseEventTests
{
    [Fact]
    public void A_standard_queue_sample_parses_every_field()
    {
        var sqsEvent = Parse(SqsEventSamples.Standard);

        Assert.Equal(2, sqsEvent.Records.Count);
        var first = sqsEvent.Records[0];
        Assert.Equal("059f36b4-87a3-44ab-83d2-661975830a7d", first.MessageId);
        Assert.Equal("AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a...", first.ReceiptHandle);
        Assert.Equal("Test message.", first.Body);
        Assert.Equal("e4e68fb7bd0e697a0ae8f1bb342846b3", first.Md5OfBody);
        Assert.Equal("aws:sqs", first.EventSource);
        Assert.Equal("arn:aws:sqs:us-east-2:123456789012:my-queue", first.EventSourceArn);
        Assert.Equal("us-east-2", first.AwsRegion);
        Assert.Equal("AIDAIENQZJOLO23YVJ4VO", first.Attributes![SqsSystemAttributes.SenderId]);
        Assert.Equal("1545082649185", first.Attributes[SqsSystemAttributes.ApproximateFirstReceiveTimestamp]);
        var attribute = first.MessageAttributes!["myAttribute"];
        Assert.Equal("String", attribute.DataType);
        Assert.Equal("myValue", attribute.StringValue);
        Assert.Empty(attribute.StringListValues!);
        Assert.Empty(attribute.BinaryListValues!);
        Assert.Null(attribute.BinaryValue);
    }

    [Fact]
    public void A_fifo_sample_keeps_sequence_number_group_and_deduplication_id()
    {
        var message = Assert.Single(Parse(SqsEventSamples.Fifo).Records);

        Assert.EndsWith(".fifo", message.EventSourceArn, StringComparison.Ordinal);
        Assert.Equal("18849496460467696128", message.Attributes![SqsSystemAttributes.SequenceNumber]);
        Assert.Equal("user-42", message.Attributes[SqsSystemAttributes.MessageGroupId]);
        Assert.Equal("evt-0001", message.Attributes[SqsSystemAttributes.MessageDeduplicationId]);
        Assert.Equal("user-42", message.MessageGroupId);
    }

    [Fact]
    public void Binary_attributes_decode_from_base64_to_the_original_bytes()
    {
        var message = Assert.Single(Parse(SqsEventSamples.BinaryAttributes).Records);

        Assert.Equal(new byte[] { 0x01, 0x02, 0x03, 0xFF }, message.MessageAttributes!["checksum"].BinaryValue);
        var chunks = message.MessageAttributes["chunks"].BinaryListValues!;
        Assert.Equal(2, chunks.Count);
        Assert.Equal(new byte[] { 0x00, 0x01 }, chunks[0]);
        Assert.Equal(new byte[] { 0xFF }, chunks[1]);
        Assert.Equal("Binary", message.MessageAttributes["chunks"].DataType);
    }

    [Fact]
    public void Null_and_empty_values_parse_as_null_and_empty()
    {
        var second = Parse(SqsEventSamples.Standard).Records[1];

        Assert.Null(second.Md5OfMessageAttributes);
        Assert.NotNull(second.MessageAttributes);
        Assert.Empty(second.MessageAttributes);
        Assert.Null(second.GetStringAttribute("myAttribute"));
    }

    [Fact]
    public void A_leading_utf8_byte_order_mark_is_ignored()
    {
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(SqsEventSamples.Fifo)];

        var message = Assert.Single(LambdaJson.ParseEvent(withBom).Records);

        Assert.Equal("11d6ee51-4cc7-4302-9e22-7cd8afdaadf5", message.MessageId);
    }

    [Fact]
    public void Property_names_match_whatever_their_case()
    {
        var message = Assert.Single(Parse(SqsEventSamples.OddCase).Records);

        Assert.Equal("m-1", message.MessageId);
        Assert.Equal("hello", message.Body);
        Assert.Equal("arn:aws:sqs:eu-west-1:123456789012:q", message.EventSourceArn);
        Assert.Equal(2, message.ApproximateReceiveCount);
        Assert.Equal("c-7", message.GetStringAttribute("correlationId"));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"Records":null}""")]
    [InlineData("""{"records-typo":[]}""")]
    public void A_body_without_records_fails_with_a_json_exception_naming_records(string json)
    {
        var exception = Assert.Throws<JsonException>(() => Parse(json));

        Assert.Contains("Records", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"Records":[null]}""")]
    [InlineData("""{"Records":[{"messageId":"m-1","body":"{}"},null]}""")]
    public void A_null_record_fails_the_whole_event_with_a_json_exception(string json)
    {
        var exception = Assert.Throws<JsonException>(() => Parse(json));

        Assert.Contains("null record", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_null_document_fails_with_a_json_exception()
    {
        Assert.Throws<JsonException>(() => Parse("null"));
    }

    private static SqsEvent Parse(string json) => LambdaJson.ParseEvent(Encoding.UTF8.GetBytes(json));
}
