using System.Text.Json;
using GymCoach.Workers.Logging;
using Serilog.Events;

namespace GymCoach.Workers.Tests.Logging;

public sealed class GymCoachLoggingTests
{
    [Fact]
    public void JsonFormat_WritesOneCompactJsonObjectPerEvent_WithTheVocabularyAsProperties()
    {
        using var output = new StringWriter();
        using (var logger = GymCoachLogging.Create(LogFormat.Json, output))
        {
            logger.ForContext(LogProperties.CorrelationId, "corr-1")
                .Information("Processed chunk {ChunkIndex} of {QueueName} with {FailureCount} failures in {DurationMs} ms", 2, "gymcoach-writes", 1, 12.5);
            logger.Debug("not at Information");
        }

        var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.True(root.TryGetProperty("@t", out _));
        Assert.StartsWith("Processed chunk {ChunkIndex}", root.GetProperty("@mt").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, root.GetProperty("ChunkIndex").GetInt32());
        Assert.Equal("gymcoach-writes", root.GetProperty("QueueName").GetString());
        Assert.Equal("corr-1", root.GetProperty("CorrelationId").GetString());
        Assert.False(root.TryGetProperty("@l", out _)); // Information is CLEF's default level.
    }

    [Fact]
    public void ReadableFormat_WritesALineWithLevelAndRenderedMessage_AndTheException()
    {
        using var output = new StringWriter();
        using (var logger = GymCoachLogging.Create(LogFormat.Readable, output, LogEventLevel.Debug))
        {
            logger.Warning(new InvalidOperationException("boom"), "Message {MessageId} failed", "m-1");
        }

        var text = output.ToString();
        Assert.Matches(@"^\[\d\d:\d\d:\d\d WRN\] Message m-1 failed\n", text);
        Assert.Contains("System.InvalidOperationException: boom", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json", LogFormat.Json)]
    [InlineData("JSON", LogFormat.Json)]
    [InlineData("text", LogFormat.Readable)]
    public void LogFormatValues_AreParsed(string value, LogFormat expected)
    {
        Assert.True(GymCoachLogging.TryParseFormat(value, out var format));
        Assert.Equal(expected, format);
    }

    [Fact]
    public void AnUnknownLogFormat_IsRefused() => Assert.False(GymCoachLogging.TryParseFormat("xml", out _));

    [Fact]
    public void TheVocabulary_IsPascalCaseAndComplete() =>
        Assert.Equal(
            ["MessageId", "EventType", "UserId", "QueueName", "ChunkIndex", "FailureCount", "DurationMs", "CorrelationId", "ConcurrencyLimit"],
            LogProperties.All);
}
