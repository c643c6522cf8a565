using System.Globalization;
using System.Text;
using System.Text.Json;
using GymCoach.Contracts.Lambda;
using GymCoach.Cli.Terminal;
using GymCoach.Contracts.Queueing;

namespace GymCoach.Cli.Reports;

/// <summary>Renders dead-letter messages: a table (or JSON) for <c>dlq list</c>, one message in full for <c>dlq show</c>.</summary>
/// <remarks>Everything a message carries came from a producer or was made from what one sent, so all of it is printed through <see cref="TerminalText"/>.</remarks>
internal static class DeadLetterListing
{
    private const int ReasonWidth = 100;

    public static string RenderTable(string queueName, IReadOnlyList<SqsMessage> messages, int max)
    {
        var text = new StringBuilder();
        var more = messages.Count >= max ? $" (the first {max}; --max shows more)" : string.Empty;
        text.Append(CultureInfo.InvariantCulture, $"{queueName}: {messages.Count} message{(messages.Count == 1 ? "" : "s")}{more}\n");
        if (messages.Count == 0)
        {
            return text.ToString();
        }

        var table = new TextTable("MESSAGE ID", "SENT (UTC)", "RECEIVES", "CORRELATION ID", "FAILURE REASON");
        foreach (var message in messages)
        {
            table.Add(
                TerminalText.Line(message.MessageId),
                SentText(message),
                message.ApproximateReceiveCount.ToString(CultureInfo.InvariantCulture),
                TerminalText.Line(message.GetStringAttribute(MessageAttributeNames.CorrelationId) ?? "-"),
                Shorten(message.GetStringAttribute(MessageAttributeNames.FailureReason) ?? "- (redriven by SQS after maxReceiveCount)"));
        }

        return text.Append(table).ToString();
    }

    public static void WriteJson(Utf8JsonWriter json, string label, string queueName, IReadOnlyList<SqsMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        json.WriteString("queue", label);
        json.WriteString("name", queueName);
        json.WriteStartArray("messages");
        foreach (var message in messages)
        {
            json.WriteStartObject();
            json.WriteString("messageId", message.MessageId);
            json.WriteString("sentAt", message.SentAt?.ToString("O", CultureInfo.InvariantCulture));
            json.WriteNumber("receiveCount", message.ApproximateReceiveCount);
            json.WriteString("correlationId", message.GetStringAttribute(MessageAttributeNames.CorrelationId));
            json.WriteString("failureReason", message.GetStringAttribute(MessageAttributeNames.FailureReason));
            json.WriteString("sourceQueue", message.GetStringAttribute(MessageAttributeNames.SourceQueue));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>One message in full: where it is, its attributes, its system attributes and its body (indented when it is JSON).</summary>
    public static string RenderMessage(string queueName, SqsMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Message {TerminalText.Line(message.MessageId)} in {queueName}\n");
        text.Append(CultureInfo.InvariantCulture, $"Sent: {SentText(message)}   Receives: {message.ApproximateReceiveCount}\n");
        text.Append("\nMessage attributes:\n");
        foreach (var (name, attribute) in (message.MessageAttributes ?? new Dictionary<string, SqsMessageAttribute>()).OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var value = attribute?.StringValue ?? (attribute?.BinaryValue is { } binary ? $"(binary, {binary.Length} base64 characters)" : "(no value)");
            text.Append(CultureInfo.InvariantCulture, $"  {TerminalText.Line(name)}: {TerminalText.Line(value)}\n");
        }

        text.Append("\nSystem attributes:\n");
        foreach (var (name, value) in (message.Attributes ?? new Dictionary<string, string>()).OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {TerminalText.Line(name)}: {TerminalText.Line(value)}\n");
        }

        // Indented JSON keeps its structure's line breaks; what is inside its strings is escaped like the rest.
        return text.Append("\nBody:\n").Append(TerminalText.Lines(Indented(message.Body))).Append('\n').ToString();
    }

    private static string SentText(SqsMessage message) =>
        message.SentAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-";

    private static string Shorten(string text)
    {
        var line = TerminalText.Line(text.ReplaceLineEndings(" "));
        return line.Length <= ReasonWidth ? line : line[..(ReasonWidth - 1)] + "…";
    }

    private static string Indented(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                document.WriteTo(json);
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }
        catch (JsonException)
        {
            return body; // Not JSON (a malformed message is a common reason to be here): shown as it is.
        }
    }
}
