using GymCoach.Contracts.Storage;
using GymCoach.Embedded.Storage;

namespace GymCoach.Workers.Tests.Support;

/// <summary>An item journal that records each commit, and can refuse them or run something while one is in progress.</summary>
public sealed class RecordingItemJournal : IItemJournal
{
    private readonly List<IReadOnlyList<StoredItem>> _commits = [];

    public IReadOnlyList<IReadOnlyList<StoredItem>> Commits => _commits;

    public bool Refuse { get; set; }

    /// <summary>Runs inside <see cref="Commit"/>, before it is recorded: what another thread sees while a write is being committed.</summary>
    public Action? DuringCommit { get; set; }

    public void Commit(IReadOnlyList<StoredItem> items)
    {
        DuringCommit?.Invoke();
        if (Refuse)
        {
            throw new IOException("disk full");
        }

        _commits.Add(items);
    }
}
