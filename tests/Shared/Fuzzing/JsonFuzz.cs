using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace GymCoach.Tests.Fuzzing;

/// <summary>
/// CsCheck generators of hostile JSON text for the fuzz harnesses: valid seed documents mutated structurally (a
/// node replaced, removed or added) and textually (truncated, spliced, a character changed), random JSON values,
/// deep nesting and plain noise.
/// </summary>
/// <remarks>
/// Linked into each test project that fuzzes a parser (Contracts, Workers, Ingest). Keys come from the wire formats'
/// own vocabulary, so mutations reach the fields the parsers care about rather than only unknown members.
/// </remarks>
internal static class JsonFuzz
{
    private static readonly string[] Keys =
    [
        "specversion", "id", "source", "type", "time", "datacontenttype", "data", "subject",
        "userId", "workoutId", "performedAt", "durationSeconds", "unit", "exercises", "exerciseId", "sets", "reps", "weight",
        "rpe", "notes", "displayName", "bodyweight", "bodyweightKg", "heightCm", "birthYear", "timezone", "reason", "workoutIds", "workouts",
        "Records", "messageId", "receiptHandle", "body", "md5OfBody", "eventSource", "eventSourceARN", "awsRegion",
        "attributes", "ApproximateReceiveCount", "SentTimestamp", "MessageGroupId", "SequenceNumber",
        "messageAttributes", "stringValue", "binaryValue", "stringListValues", "binaryListValues", "dataType", "correlationId",
        "", "\u0000", "TYPE", "Type",
    ];

    private static readonly string[] SpecialScalars =
    [
        "null", "true", "false", "0", "-0", "1", "-1", "0.5", "1e400", "-1e400", "1E+2", "1e-400", "9007199254740993",
        "79228162514264337593543950336", "-79228162514264337593543950336", "0.0000000000000000000000000001", "2147483648",
        "-2147483649", "1000", "1001", "\"\"", "\" \"", "\"kg\"", "\"lb\"", "\"lbs\"", "\"KG\"", "\"1.0\"", "\"rebuild\"",
        "\"2026-03-02T18:00:00Z\"", "\"2026-03-02T18:00:00\"", "\"2026-03-02T18:00:00+14:00\"", "\"9999-12-31T23:59:59Z\"",
        "\"0001-01-01T00:00:00Z\"", "\"2026-02-30T00:00:00Z\"", "\"gymcoach.workout.logged.v1\"",
        "\"gymcoach.profile.updated.v1\"", "\"gymcoach.analytics.recompute.v1\"", "\"aws:sqs\"", "\"\\u0000\"",
        "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"a\\u202eb\"", "\"\\uFEFF\"", "\"user-1\\u200b\"", "\"\\u001b[2J\"",
    ];

    /// <summary>Any JSON scalar, from plain values to the edges of every number and string parser.</summary>
    public static Gen<string> Scalar { get; } = Gen.Frequency(
        (4, Gen.OneOf(SpecialScalars)),
        (2, Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Double.Where(double.IsFinite).Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
        (1, Gen.Decimal.Select(d => d.ToString(CultureInfo.InvariantCulture))),
        (3, Gen.String[0, 40].Select(Quote)),
        (1, Gen.Int[200, 70_000].Select(n => Quote(new string('x', n)))));

    /// <summary>A random JSON value nested up to <paramref name="depth"/> levels, objects keyed from the wire vocabulary.</summary>
    public static Gen<string> Value(int depth) => depth <= 0
        ? Scalar
        : Gen.Frequency(
            (3, Scalar),
            (1, Value(depth - 1).Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
            (2, Gen.Select(Gen.OneOf(Keys), Value(depth - 1)).Array[0, 5]
                .Select(members => "{" + string.Join(",", members.Select(m => Quote(m.Item1) + ":" + m.Item2)) + "}")));

    /// <summary>Nesting far beyond any reader's depth limit.</summary>
    public static Gen<string> Deep { get; } = Gen.Select(Gen.Int[1, 5_000], Gen.Bool, (depth, arrays) => arrays
        ? new string('[', depth) + new string(']', depth)
        : string.Concat(Enumerable.Repeat("{\"data\":", depth)) + "1" + new string('}', depth));

    /// <summary>Mutations of the seeds, with random values, deep nesting and noise mixed in.</summary>
    public static Gen<string> Mutations(params string[] seeds)
    {
        ArgumentOutOfRangeException.ThrowIfZero(seeds.Length);
        var seed = Gen.OneOf(seeds);
        return Gen.Frequency(
            (6, Gen.Select(seed, Gen.Int[0, int.MaxValue], Value(2), Gen.Int[0, 2], Structural)),
            (2, Gen.Select(seed, Gen.Int[0, int.MaxValue], Gen.Int[0, 4], Gen.String[0, 6], Textual)),
            (1, Value(3)),
            (1, Deep),
            (1, Gen.String[0, 200]),
            (1, seed.Select(s => "\uFEFF" + s)));
    }

    /// <summary>A JSON string literal of <paramref name="text"/>: quotes, backslashes and controls escaped, all else raw (lone surrogates too).</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                < ' ' => builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Replaces (0), removes (1) or adds beside (2) the node at <paramref name="pick"/> in document order.</summary>
    private static string Structural(string seed, int pick, string value, int operation)
    {
        JsonNode? root;
        JsonNode? replacement;
        try
        {
            root = JsonNode.Parse(seed);
            replacement = JsonNode.Parse(value);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
        {
            // A value the DOM cannot hold (e.g. a lone surrogate) still makes a fine textual splice.
            return Textual(seed, pick, 1, value);
        }

        if (root is null)
        {
            return value;
        }

        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var node = nodes[pick % nodes.Count];
        var parent = node.Parent;
        if (parent is null)
        {
            return value;
        }

        switch (operation, parent)
        {
            case (1, JsonObject obj):
                obj.Remove(node.GetPropertyName());
                break;
            case (1, JsonArray array):
                array.Remove(node);
                break;
            case (2, _) when node is JsonObject target:
                target[Keys[pick % Keys.Length] + (target.ContainsKey(Keys[pick % Keys.Length]) ? "2" : string.Empty)] = replacement;
                break;
            case (2, _) when node is JsonArray target:
                target.Add(replacement);
                break;
            case (_, JsonObject obj):
                obj[node.GetPropertyName()] = replacement;
                break;
            case (_, JsonArray array):
                array[node.GetElementIndex()] = replacement;
                break;
        }

        try
        {
            return root.ToJsonString();
        }
        catch (InvalidOperationException)
        {
            // The DOM refuses to write some strings it read (an escaped lone surrogate): splice the text instead.
            return Textual(seed, pick, 1, value);
        }
    }

    /// <summary>Truncates (0), inserts <paramref name="text"/> (1), cuts a span (2), doubles a span (3) or swaps one character (4).</summary>
    private static string Textual(string seed, int pick, int operation, string text)
    {
        var at = seed.Length == 0 ? 0 : pick % seed.Length;
        var span = Math.Min(seed.Length - at, 1 + (pick / Math.Max(1, seed.Length) % 16));
        return operation switch
        {
            0 => seed[..at],
            1 => seed.Insert(at, text),
            2 => seed.Remove(at, span),
            3 => seed.Insert(at, seed.Substring(at, span)),
            _ when seed.Length > 0 => string.Concat(seed.AsSpan(0, at), text.Length > 0 ? text[..1] : "\"", seed.AsSpan(at + 1)),
            _ => text,
        };
    }

    private static void Collect(JsonNode node, List<JsonNode> nodes)
    {
        nodes.Add(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                    {
                        Collect(child, nodes);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        Collect(child, nodes);
                    }
                }

                break;
        }
    }
}
