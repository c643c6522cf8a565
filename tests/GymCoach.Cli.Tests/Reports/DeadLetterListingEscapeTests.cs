using GymCoach.Cli.Reports;
using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;

namespace GymCoach.Cli.Tests.Reports;

/// <summary>Producer text reaches the operator's terminal through <c>dlq list</c> and <c>dlq show</c>: escaped, never obeyed.</summary>
public sealed class DeadLetterListingEscapeTests
{
    private const string Clear = "\u001B[2J";

    [Fact]
    public void TheTable_EscapesControlAndBidiCharactersInEveryColumn()
    {
        var text = DeadLetterListing.RenderTable("gymcoach-writes-dlq", [Hostile("{}")], 100);

        AssertHarmless(text);
        Assert.Contains("conflict: workout 'w\\u001B[2J\\u202Ex'", text, StringComparison.Ordinal);
        Assert.Contains("corr\\u0007", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AMessageShown_EscapesItsAttributesAndAJsonBody()
    {
        var text = DeadLetterListing.RenderMessage("gymcoach-writes-dlq", Hostile("{\"data\":{\"workoutId\":\"w\\u001b[2J\u202Ex\"}}"));

        AssertHarmless(text);
        Assert.Contains("\\u001B[2J", text, StringComparison.Ordinal);
        Assert.Contains("\\u202E", text, StringComparison.Ordinal);
        Assert.Contains("\"workoutId\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AMessageShown_EscapesABodyThatIsNotJson_KeepingItsLines()
    {
        var text = DeadLetterListing.RenderMessage("gymcoach-writes-dlq", Hostile("not json " + Clear + "\nsecond line\r\u202E"));

        AssertHarmless(text);
        Assert.Contains("not json \\u001B[2J\nsecond line\\u000D\\u202E", text, StringComparison.Ordinal);
    }

    private static void AssertHarmless(string text)
    {
        foreach (var c in text)
        {
            Assert.False(c != '\n' && (char.IsControl(c) || c is '\u202E' or '\u200B'), $"raw U+{(int)c:X4} in output:\n{text}");
        }
    }

    private static SqsMessage Hostile(string body) => new()
    {
        MessageId = "m-1",
        Body = body,
        Attributes = new Dictionary<string, string> { ["SentTimestamp"] = "1767225600000", ["ApproximateReceiveCount"] = "2" },
        MessageAttributes = new Dictionary<string, SqsMessageAttribute>
        {
            [MessageAttributeNames.FailureReason] = Text("conflict: workout 'w" + Clear + "\u202Ex' has other content"),
            [MessageAttributeNames.CorrelationId] = Text("corr\u0007"),
            [MessageAttributeNames.SourceQueue] = Text("gymcoach-writes\u200B"),
        },
    };

    private static SqsMessageAttribute Text(string value) => new() { DataType = "String", StringValue = value };
}
