using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GymCoach.Cli.Reports;

/// <summary>The <c>gymcoach queues</c> report: depth, in flight, delayed, age of the oldest message, and the dead-letter queue's depth.</summary>
internal static class QueueReport
{
    public const string AgeNote =
        "n/a: SQS reports the age of the oldest message only as the CloudWatch metric AWS/SQS ApproximateAgeOfOldestMessage " +
        "(the 'Age of oldest message' graph of infrastructure/dashboard.json).";

    public static async Task<IReadOnlyList<QueueStatus>> GatherAsync(QueueSet queues, CancellationToken cancellationToken)
    {
        var rows = new List<QueueStatus>();
        foreach (var (label, source, deadLetters) in queues.Select("all"))
        {
            var counts = source.GetCountsAsync(cancellationToken);
            var deadLetterCounts = deadLetters.GetCountsAsync(cancellationToken);
            rows.Add(new QueueStatus(label, source.Name, await counts, deadLetters.Name, await deadLetterCounts));
        }

        return rows;
    }

    public static string RenderTable(string backend, IReadOnlyList<QueueStatus> rows, StateFolderSize? state = null)
    {
        var table = new TextTable("QUEUE", "VISIBLE", "IN FLIGHT", "DELAYED", "OLDEST", "DLQ", "DLQ VISIBLE", "DLQ OLDEST");
        foreach (var row in rows)
        {
            table.Add(
                row.Name,
                Number(row.Counts.Visible),
                Number(row.Counts.InFlight),
                Number(row.Counts.Delayed),
                Age(row.Counts),
                row.DeadLetterName,
                Number(row.DeadLetterCounts.Visible),
                Age(row.DeadLetterCounts));
        }

        var text = new StringBuilder($"Queues on the {backend} backend (approximate counts, as SQS reports them):\n\n").Append(table);
        if (rows.Any(r => r.Counts.OldestMessageAge is null || r.DeadLetterCounts.OldestMessageAge is null))
        {
            text.Append('\n').Append(AgeNote).Append('\n');
        }

        if (state is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nState folder {state.Path}: {state.Describe()} on disk\n");
        }

        return text.ToString();
    }

    public static string RenderJson(string backend, IReadOnlyList<QueueStatus> rows, StateFolderSize? state = null)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("backend", backend);
            json.WriteStartArray("queues");
            foreach (var row in rows)
            {
                json.WriteStartObject();
                json.WriteString("queue", row.Label);
                WriteCounts(json, row.Name, row.Counts);
                json.WriteStartObject("deadLetterQueue");
                WriteCounts(json, row.DeadLetterName, row.DeadLetterCounts);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (state is not null)
            {
                json.WriteStartObject("state");
                json.WriteString("path", state.Path);
                json.WriteNumber("bytesOnDisk", state.Bytes);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The age as <c>45s</c>, <c>3m 05s</c>, <c>2h 04m</c> or <c>3d 01h</c>; <c>-</c> for an empty queue, <c>n/a</c> when unknown.</summary>
    public static string Age(Contracts.Queueing.QueueCounts counts)
    {
        if (counts.OldestMessageAge is not { } age)
        {
            return "n/a";
        }

        if (counts.Total == 0)
        {
            return "-";
        }

        return age.TotalSeconds < 60 ? $"{(int)age.TotalSeconds}s"
            : age.TotalMinutes < 60 ? $"{(int)age.TotalMinutes}m {age.Seconds:00}s"
            : age.TotalHours < 24 ? $"{(int)age.TotalHours}h {age.Minutes:00}m"
            : $"{(int)age.TotalDays}d {age.Hours:00}h";
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static void WriteCounts(Utf8JsonWriter json, string name, Contracts.Queueing.QueueCounts counts)
    {
        json.WriteString("name", name);
        json.WriteNumber("visible", counts.Visible);
        json.WriteNumber("inFlight", counts.InFlight);
        json.WriteNumber("delayed", counts.Delayed);
        if (counts.OldestMessageAge is { } age)
        {
            json.WriteNumber("oldestMessageAgeSeconds", Math.Round(age.TotalSeconds, 3));
        }
        else
        {
            json.WriteNull("oldestMessageAgeSeconds");
        }
    }
}
