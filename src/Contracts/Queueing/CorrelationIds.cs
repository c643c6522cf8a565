using System.Buffers;

namespace GymCoach.Contracts.Queueing;

/// <summary>The rule for a producer's correlation id (<c>X-Correlation-Id</c>): it travels into message attributes and log lines, so it is kept short and plain.</summary>
/// <remarks>An id that is too long or has characters other than letters, digits and <c>-_.:</c> is replaced by a generated one.</remarks>
public static class CorrelationIds
{
    public const int MaxLength = 128;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:");

    /// <summary>A fresh id, as the API makes one for a request that brought none.</summary>
    public static string New() => Guid.NewGuid().ToString("N");

    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= MaxLength } && !id.AsSpan().ContainsAnyExcept(Allowed);
}
