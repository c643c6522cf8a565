namespace GymCoach.Cli.Backends.Durable;

/// <summary>Commits the writes of concurrent callers together, one transaction per group instead of one each.</summary>
/// <remarks>
/// <para>
/// A commit's cost is mostly fixed (the WAL append and its system calls), and the pipeline's callers come many at a
/// time: publishers, five chunks per invocation, two workers. The first caller to find no commit in progress commits
/// every write waiting at that moment, its own among them; those callers wait, and each returns only once its write
/// is committed. A caller whose write arrives during a commit is told, when it ends, to commit the next group, so
/// no caller serves others for longer than one commit.
/// </para>
/// <para>
/// Each write runs in its own savepoint: one that throws is undone and fails its own caller alone. A failed commit
/// fails every caller of the group.
/// </para>
/// </remarks>
internal sealed class GroupCommit(Action<IReadOnlyList<PendingWrite>> commit)
{
    private readonly Lock _gate = new();
    private List<PendingWrite> _waiting = [];
    private bool _committing;

    public void Write(Action<StateDatabase> work)
    {
        using var write = new PendingWrite(work);
        bool leads;
        lock (_gate)
        {
            _waiting.Add(write);
            leads = !_committing;
            _committing = true;
        }

        if (!leads)
        {
            write.Wait();
        }

        if (leads || write.Leads)
        {
            CommitWaiting();
        }

        write.ThrowIfFailed();
    }

    private void CommitWaiting()
    {
        List<PendingWrite> group;
        lock (_gate)
        {
            group = _waiting;
            _waiting = [];
        }

        try
        {
            commit(group);
        }
        finally
        {
            lock (_gate)
            {
                if (_waiting.Count > 0)
                {
                    _waiting[0].Lead();
                }
                else
                {
                    _committing = false;
                }
            }
        }
    }
}
