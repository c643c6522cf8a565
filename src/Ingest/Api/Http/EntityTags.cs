using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace GymCoach.Ingest.Api.Http;

/// <summary>Conditional GETs: whether a request's <c>If-None-Match</c> already names the current representation.</summary>
internal static class EntityTags
{
    /// <summary>True when <paramref name="ifNoneMatch"/> lists <paramref name="etag"/> (a quoted strong tag) or is <c>*</c>; weak tags match too, as RFC 9110 compares for If-None-Match.</summary>
    public static bool Matches(StringValues ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }

        foreach (var tag in tags)
        {
            if (tag.Equals(EntityTagHeaderValue.Any) || tag.Tag.Equals(etag, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
