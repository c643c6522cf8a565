using GymCoach.Contracts.Validation;

namespace GymCoach.Ingest.Api.Parsing;

/// <summary>Joins the JSON-level errors of a body with its data rules' errors, one answer for every bad field.</summary>
internal static class FieldErrors
{
    /// <summary>Every shape error, and every rule error not about a field the shape already named (or a field inside one).</summary>
    /// <remarks>A broken value was read as a stand-in (null, 0), so what the rules say of it is about the stand-in, not the request.</remarks>
    public static IReadOnlyList<ValidationError> Merge(IReadOnlyList<ValidationError> shapeErrors, IReadOnlyList<ValidationError> ruleErrors)
    {
        if (shapeErrors.Count == 0)
        {
            return ruleErrors;
        }

        var named = shapeErrors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        var merged = new List<ValidationError>(shapeErrors);
        foreach (var error in ruleErrors)
        {
            if (!IsWithinNamed(error.Field, named))
            {
                merged.Add(error);
            }
        }

        return merged;
    }

    /// <summary>Whether the field or one of its parents (<c>a</c> of <c>a.b</c> or <c>a[0]</c>) is named.</summary>
    private static bool IsWithinNamed(string field, HashSet<string> named)
    {
        if (named.Contains(field))
        {
            return true;
        }

        for (var i = field.Length - 1; i > 0; i--)
        {
            if (field[i] is '.' or '[' && named.Contains(field[..i]))
            {
                return true;
            }
        }

        return false;
    }
}
