using System.Text;
using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Tests.Support;

namespace GymCoach.Contracts.Tests.Lambda;

public sealed class LambdaJsonRoundTripTests
{
    [Theory]
    [InlineData(SqsEventSamples.Standard)]
    [InlineData(SqsEventSamples.Fifo)]
    [InlineData(SqsEventSamples.BinaryAttributes)]
    public void Serializing_a_parsed_event_and_parsing_it_again_changes_nothing(string sample)
    {
        var parsed = LambdaJson.ParseEvent(Encoding.UTF8.GetBytes(sample));

        var serialized = LambdaJson.Serialize(parsed);
        var reparsed = LambdaJson.ParseEvent(serialized);

        Assert.Equal(serialized, LambdaJson.Serialize(reparsed));
        Assert.Equal(parsed.Records.Count, reparsed.Records.Count);
        for (var i = 0; i < parsed.Records.Count; i++)
        {
            AssertSameMessage(parsed.Records[i], reparsed.Records[i]);
        }
    }

    [Fact]
    public void Serialized_events_use_the_service_field_names()
    {
        var json = Encoding.UTF8.GetString(LambdaJson.Serialize(LambdaJson.ParseEvent(Encoding.UTF8.GetBytes(SqsEventSamples.Fifo))));

        Assert.StartsWith("""{"Records":[{"messageId":"11d6ee51""", json, StringComparison.Ordinal);
        Assert.Contains("\"eventSourceARN\":\"arn:aws:sqs:us-east-2:123456789012:writes.fifo\"", json, StringComparison.Ordinal);
        Assert.Contains("\"md5OfBody\":", json, StringComparison.Ordinal);
        Assert.Contains("\"attributes\":{\"ApproximateReceiveCount\":\"1\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_values_serialize_back_to_base64()
    {
        var json = Encoding.UTF8.GetString(
            LambdaJson.Serialize(LambdaJson.ParseEvent(Encoding.UTF8.GetBytes(SqsEventSamples.BinaryAttributes))));

        Assert.Contains("\"binaryValue\":\"AQID/w==\"", json, StringComparison.Ordinal);
        Assert.Contains("\"binaryListValues\":[\"AAE=\",\"/w==\"]", json, StringComparison.Ordinal);
    }

    private static void AssertSameMessage(SqsMessage expected, SqsMessage actual)
    {
        // Records compare their lists and dictionaries by reference, so compare the contents field by field.
        Assert.Equal(expected with { Attributes = null, MessageAttributes = null }, actual with { Attributes = null, MessageAttributes = null });
        Assert.Equal(expected.Attributes, actual.Attributes);
        Assert.Equal(expected.MessageAttributes?.Keys, actual.MessageAttributes?.Keys);
        foreach (var (name, attribute) in expected.MessageAttributes ?? new Dictionary<string, SqsMessageAttribute>())
        {
            var other = actual.MessageAttributes![name];
            Assert.Equal(attribute.DataType, other.DataType);
            Assert.Equal(attribute.StringValue, other.StringValue);
            Assert.Equal(attribute.BinaryValue, other.BinaryValue);
            Assert.Equal(attribute.StringListValues, other.StringListValues);
            Assert.Equal(attribute.BinaryListValues, other.BinaryListValues);
        }
    }
}
