namespace GymCoach.Cli.Demo;

/// <summary>FNV-1a, 64-bit: the same value for the same text in every process (unlike <see cref="string.GetHashCode()"/>).</summary>
internal static class StableHash
{
    public static ulong Of(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        // FNV's low bits are weak for short keys; a final avalanche spreads them over the whole range.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        return hash;
    }
}
