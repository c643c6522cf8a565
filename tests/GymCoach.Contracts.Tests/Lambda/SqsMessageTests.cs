using GymCoach.Contracts.Lambda;

namespace GymCoach.Contracts.Tests.Lambda;

public sealed class SqsMessageTests
{
    [Fact]
    public void The_receive_count_is_read_from_the_system_attribute()
    {
        Assert.Equal(3, Message(new() { [SqsSystemAttributes.ApproximateReceiveCount] = "3" }).ApproximateReceiveCount);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-number")]
    public void The_receive_count_is_1_when_the_attribute_is_absent_or_unreadable(string? value)
    {
        var attributes = value is null ? null : new Dictionary<string, string> { [SqsSystemAttributes.ApproximateReceiveCount] = value };

        Assert.Equal(1, Message(attributes).ApproximateReceiveCount);
    }

    [Fact]
    public void The_message_group_is_read_on_a_fifo_queue_and_null_on_a_standard_queue()
    {
        Assert.Equal("user-42", Message(new() { [SqsSystemAttributes.MessageGroupId] = "user-42" }).MessageGroupId);
        Assert.Null(Message(new() { [SqsSystemAttributes.ApproximateReceiveCount] = "1" }).MessageGroupId);
        Assert.Null(Message(null).MessageGroupId);
    }

    [Fact]
    public void The_sent_time_is_read_from_epoch_milliseconds()
    {
        var message = Message(new() { [SqsSystemAttributes.SentTimestamp] = "1545082649183" });

        Assert.Equal(new DateTimeOffset(2018, 12, 17, 21, 37, 29, 183, TimeSpan.Zero), message.SentAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("yesterday")]
    public void The_sent_time_is_null_when_the_attribute_is_absent_or_unreadable(string? value)
    {
        var attributes = value is null ? null : new Dictionary<string, string> { [SqsSystemAttributes.SentTimestamp] = value };

        Assert.Null(Message(attributes).SentAt);
    }

    [Fact]
    public void A_string_attribute_is_found_by_name_and_missing_ones_are_null()
    {
        var message = Message(null) with
        {
            MessageAttributes = new Dictionary<string, SqsMessageAttribute> { ["correlationId"] = SqsMessageAttribute.FromString("c-7") },
        };

        Assert.Equal("c-7", message.GetStringAttribute("correlationId"));
        Assert.Null(message.GetStringAttribute("failureReason"));
    }

    private static SqsMessage Message(Dictionary<string, string>? attributes) =>
        new() { MessageId = "m-1", Body = "{}", Attributes = attributes };
}
