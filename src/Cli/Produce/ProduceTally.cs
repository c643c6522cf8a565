using System.Collections.Concurrent;

namespace GymCoach.Cli.Produce;

/// <summary>What happened to the lines so far, updated by every sender at once.</summary>
internal sealed class ProduceTally
{
    private readonly ConcurrentBag<(int Line, string Reason)> _rejected = [];
    private long _accepted;
    private long _requests;

    public long Accepted => Interlocked.Read(ref _accepted);

    public int RejectedCount => _rejected.Count;

    public long Requests => Interlocked.Read(ref _requests);

    public long Done => Accepted + RejectedCount;

    public void Accept(int lines) => Interlocked.Add(ref _accepted, lines);

    public void Reject(int line, string reason) => _rejected.Add((line, reason));

    public void Request() => Interlocked.Increment(ref _requests);

    public IReadOnlyList<(int Line, string Reason)> Rejected() => [.. _rejected.OrderBy(r => r.Line)];
}
