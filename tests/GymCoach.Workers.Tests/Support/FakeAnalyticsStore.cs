using GymCoach.Workers.Analytics;

namespace GymCoach.Workers.Tests.Support;

/// <summary>A stand-in for the analytics store behind a cache: documents by user id, recording every load.</summary>
internal sealed class FakeAnalyticsStore
{
    private readonly Dictionary<string, AnalyticsDocument> _documents = new(StringComparer.Ordinal);
    private readonly List<string> _loads = [];

    public IReadOnlyList<string> Loads => _loads;

    /// <summary>Runs while a load is in progress, after the store was read and before the load returns: lets a test act in the middle of a load.</summary>
    public Action? DuringLoad { get; set; }

    public FakeAnalyticsStore With(AnalyticsDocument document)
    {
        _documents[document.UserId] = document;
        return this;
    }

    public Func<CancellationToken, Task<AnalyticsDocument?>> LoaderFor(string userId) => cancellationToken =>
    {
        cancellationToken.ThrowIfCancellationRequested();
        _loads.Add(userId);
        var read = _documents.GetValueOrDefault(userId);
        DuringLoad?.Invoke();
        return Task.FromResult(read);
    };
}
