using System.Text.Json;
using System.Text.RegularExpressions;
using GymCoach.Contracts.Validation;

namespace GymCoach.Ingest.Api.Problems;

/// <summary>Turns a <see cref="JsonException"/> into a problem naming the field and position, in the API's words rather than .NET's.</summary>
/// <remarks>
/// Used for JSON that does not parse at all, which stops at its first error; wrong types, unknown fields and missing
/// fields of JSON that parses are all named together by <see cref="Parsing.BodyShape{T}"/> instead.
/// </remarks>
internal static partial class JsonErrorDescriber
{
    private const string UnmappedMarker = "could not be mapped to any .NET member";
    private const string MissingMarker = "missing required properties including: ";
    private const string ConvertMarker = "could not be converted to ";

    public static ProblemResult Describe(JsonException exception)
    {
        var line = (exception.LineNumber ?? 0) + 1;
        var position = (exception.BytePositionInLine ?? 0) + 1;
        var path = FieldPath(exception.Path);
        var message = exception.Message;

        if (message.Contains(MissingMarker, StringComparison.Ordinal))
        {
            var errors = new List<ValidationError>();
            foreach (Match name in QuotedName().Matches(message[(message.IndexOf(MissingMarker, StringComparison.Ordinal) + MissingMarker.Length)..]))
            {
                errors.Add(new ValidationError(Join(path, name.Groups[1].Value), "is required"));
            }

            if (errors.Count > 0)
            {
                return Problem.InvalidFields(errors);
            }
        }

        if (message.Contains(UnmappedMarker, StringComparison.Ordinal))
        {
            var name = QuotedName().Match(message);
            var field = name.Success && !path.EndsWith(name.Groups[1].Value, StringComparison.Ordinal) ? Join(path, name.Groups[1].Value) : path;
            return Problem.MalformedJson(field, "is not a known field", line, position);
        }

        var convert = message.IndexOf(ConvertMarker, StringComparison.Ordinal);
        if (convert >= 0)
        {
            // The exception names the type being read (often the containing object); the inner one says what the token was.
            var token = exception.InnerException is { } inner ? WrongToken().Match(inner.Message) : Match.Empty;
            var expected = token.Success
                ? $"must be a {token.Groups[2].Value}, was {Article(token.Groups[1].Value.ToLowerInvariant())}"
                : "must be " + Expected(message[(convert + ConvertMarker.Length)..]);
            return Problem.MalformedJson(path, expected, line, position);
        }

        return Problem.MalformedJson(path, ReaderMessage(message), line, position);
    }

    /// <summary>The serializer's <c>$.workouts[3].exercises[0]</c> as the API's <c>workouts[3].exercises[0]</c>; the root stays <c>$</c>.</summary>
    private static string FieldPath(string? jsonPath) => jsonPath switch
    {
        null or "" or "$" => "$",
        _ when jsonPath.StartsWith("$.", StringComparison.Ordinal) => jsonPath[2..],
        _ when jsonPath.StartsWith('$') => jsonPath[1..],
        _ => jsonPath,
    };

    private static string Join(string path, string name) => path == "$" ? name : path + "." + name;

    private static string Expected(string typeText)
    {
        var type = TypeName(typeText);
        return type switch
        {
            "Int32" or "Int64" => "a whole number",
            "Decimal" or "Double" => "a number",
            "String" => "a string",
            "DateTimeOffset" or "DateTime" => "an ISO-8601 date and time in UTC, e.g. 2026-01-31T18:00:00Z",
            "WeightUnit" => "\"kg\" or \"lb\"",
            "Boolean" => "true or false",
            _ when type.StartsWith("IReadOnlyList", StringComparison.Ordinal) || type.StartsWith("List", StringComparison.Ordinal) => "an array",
            _ => "a JSON object",
        };
    }

    /// <summary>The simple name of the type in "System.Collections.Generic.IReadOnlyList`1[...]. Path: …".</summary>
    private static string TypeName(string text)
    {
        var end = text.IndexOfAny(['[', ' ', '`']);
        var full = (end < 0 ? text : text[..end]).TrimEnd('.');
        var dot = full.LastIndexOf('.');
        return dot < 0 ? full : full[(dot + 1)..];
    }

    private static string ReaderMessage(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        var text = cut < 0 ? message : message[..cut];
        return DotNetNamespace().Replace(text, string.Empty);
    }

    private static string Article(string token) => token switch
    {
        "startobject" => "an object",
        "startarray" => "an array",
        "string" => "a string",
        "number" => "a number",
        "true" or "false" => "a boolean",
        "null" => "null",
        _ => token,
    };

    [GeneratedRegex(@"token type '(\w+)' as an? (\w+)")]
    private static partial Regex WrongToken();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"\b(?:GymCoach|System)(?:\.\w+)*\.")]
    private static partial Regex DotNetNamespace();
}
