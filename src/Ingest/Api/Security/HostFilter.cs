using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace GymCoach.Ingest.Api.Security;

/// <summary>Admits only requests whose <c>Host</c> names an allowed host, whatever the port.</summary>
/// <remarks>
/// The API listens on loopback, but a browser reaches loopback too: a page on <c>evil.example</c> whose DNS answer turns
/// into 127.0.0.1 (DNS rebinding) would read the API as same-origin. Such a request still says <c>Host: evil.example</c>.
/// </remarks>
internal sealed class HostFilter
{
    private const string AnyHost = "*";

    private readonly FrozenSet<string> _allowed;
    private readonly bool _any;

    public HostFilter(IngestApiOptions options)
    {
        _allowed = options.AllowedHosts.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _any = _allowed.Contains(AnyHost);
    }

    public bool Allows(HostString host) => _any || (host.HasValue && _allowed.Contains(host.Host));

    /// <summary>Whether a configured entry is a host name or address that can appear in a Host header (no port, path or spaces).</summary>
    public static bool IsValidEntry(string? entry)
    {
        if (string.IsNullOrEmpty(entry) || entry.Length > 253)
        {
            return false;
        }

        if (entry == AnyHost)
        {
            return true;
        }

        var parsed = new HostString(entry);
        return parsed.Port is null
            && string.Equals(parsed.Host, entry, StringComparison.Ordinal)
            && Uri.CheckHostName(entry.Trim('[', ']')) != UriHostNameType.Unknown;
    }
}
