using System.Text.Json;
using GymCoach.Cli.Reports;
using GymCoach.Cli.Tests.Support;
using GymCoach.Contracts.Queueing;

namespace GymCoach.Cli.Tests.Reports;

public sealed class QueueReportTests
{
    [Fact]
    public async Task TheReport_CountsEachQueueAndItsDeadLetterQueue()
    {
        var (writes, writesDlq) = DeadLetterSamples.EmbeddedPair();
        var (analytics, analyticsDlq) = DeadLetterSamples.EmbeddedPair("gymcoach-analytics");
        await DeadLetterSamples.SendAsync(writes, 7);
        await writes.ReceiveAsync(3, TimeSpan.Zero, CancellationToken.None);
        await DeadLetterSamples.SendAsync(analyticsDlq, 2);

        var rows = await QueueReport.GatherAsync(new QueueSet("embedded", writes, writesDlq, analytics, analyticsDlq), CancellationToken.None);
        var table = QueueReport.RenderTable("embedded", rows);

        Assert.Equal(["gymcoach-writes", "gymcoach-analytics"], rows.Select(r => r.Name));
        Assert.Equal((4, 3), (rows[0].Counts.Visible, rows[0].Counts.InFlight));
        Assert.Equal(2, rows[1].DeadLetterCounts.Visible);
        Assert.Matches(@"(?m)^QUEUE\s+VISIBLE\s+IN FLIGHT\s+DELAYED\s+OLDEST\s+DLQ\s+DLQ VISIBLE\s+DLQ OLDEST$", table);
        Assert.Matches(@"(?m)^gymcoach-writes\s+4\s+3\s+0\s+\d+s\s+gymcoach-writes-dlq\s+0\s+-$", table);
        Assert.Matches(@"(?m)^gymcoach-analytics\s+0\s+0\s+0\s+-\s+gymcoach-analytics-dlq\s+2\s+\d+s$", table);
        Assert.DoesNotContain("n/a", table, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownAge_IsShownAsNotAvailable_WithWhereToFindIt()
    {
        var rows = new[] { new QueueStatus("writes", "gymcoach-writes-dev", new QueueCounts(5, 1, 0), "gymcoach-writes-dev-dlq", new QueueCounts(2, 0, 0)) };

        var table = QueueReport.RenderTable("aws", rows);
        using var json = JsonDocument.Parse(QueueReport.RenderJson("aws", rows));

        Assert.Matches(@"(?m)^gymcoach-writes-dev\s+5\s+1\s+0\s+n/a\s+gymcoach-writes-dev-dlq\s+2\s+n/a$", table);
        Assert.Contains("ApproximateAgeOfOldestMessage", table, StringComparison.Ordinal);
        var queue = json.RootElement.GetProperty("queues")[0];
        Assert.Equal("aws", json.RootElement.GetProperty("backend").GetString());
        Assert.Equal(5, queue.GetProperty("visible").GetInt64());
        Assert.Equal(JsonValueKind.Null, queue.GetProperty("oldestMessageAgeSeconds").ValueKind);
        Assert.Equal(2, queue.GetProperty("deadLetterQueue").GetProperty("visible").GetInt64());
    }

    [Theory]
    [InlineData(45, "45s")]
    [InlineData(185, "3m 05s")]
    [InlineData(7440, "2h 04m")]
    [InlineData(262_800, "3d 01h")]
    public void Ages_AreShortAndReadable(int seconds, string expected) =>
        Assert.Equal(expected, QueueReport.Age(new QueueCounts(1, 0, 0, TimeSpan.FromSeconds(seconds))));
}
