using GymCoach.Contracts.Storage;
using GymCoach.Embedded.Storage;
using GymCoach.Workers.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace GymCoach.Workers.Tests.Storage;

/// <summary>How <see cref="EmbeddedItemStore"/> makes its writes durable: one commit per request, before anyone can read them, undone when it fails.</summary>
public sealed class EmbeddedItemStoreJournalTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly RecordingItemJournal _journal = new();

    [Fact]
    public async Task ABatch_IsCommittedOnce_WithTheWrittenItemsInOrder_AndNotTheRefusedOnes()
    {
        var store = new EmbeddedItemStore(_clock, _journal);
        await store.WriteAsync([new ItemWrite(ItemSamples.Item("a", "1"))], None);

        await store.WriteAsync(
            [
                new ItemWrite(ItemSamples.Item("b", "1")),
                new ItemWrite(ItemSamples.Item("a", "1", data: "{\"again\":true}"), WriteCondition.IfNotExists),
                new ItemWrite(ItemSamples.Item("a", "2")),
            ],
            None);

        Assert.Equal(2, _journal.Commits.Count);
        Assert.Equal([("b", "1"), ("a", "2")], _journal.Commits[1].Select(item => (item.PartitionKey, item.SortKey)));
    }

    [Fact]
    public async Task AFailedCommit_FailsTheBatch_AndLeavesEveryItemAsItWas()
    {
        var store = new EmbeddedItemStore(_clock, _journal);
        var original = ItemSamples.Item("a", "1", version: 1);
        await store.WriteAsync([new ItemWrite(original)], None);
        _journal.Refuse = true;

        await Assert.ThrowsAsync<IOException>(() => store.WriteAsync(
            [new ItemWrite(ItemSamples.Item("a", "1", version: 2)), new ItemWrite(ItemSamples.Item("b", "1"))], None));

        Assert.Equal(original, await store.GetAsync("a", "1", None));
        Assert.Null(await store.GetAsync("b", "1", None));
    }

    [Fact]
    public async Task AReaderDuringACommit_NeverSeesTheUncommittedItem()
    {
        var store = new EmbeddedItemStore(_clock, _journal);
        await store.WriteAsync([new ItemWrite(ItemSamples.Item("a", "1", version: 1))], None);
        StoredItem? seenDuringCommit = null;
        _journal.DuringCommit = () =>
        {
            // From another thread, as a worker reading the store would; it waits for the commit or sees the old item.
            var read = Task.Run(() => store.GetAsync("a", "1", None));
            if (read.Wait(TimeSpan.FromMilliseconds(200)))
            {
                seenDuringCommit = read.Result;
            }
        };

        await store.WriteAsync([new ItemWrite(ItemSamples.Item("a", "1", version: 2))], None);

        Assert.NotEqual(2, seenDuringCommit?.Version);
        Assert.Equal(2, (await store.GetAsync("a", "1", None))!.Version);
    }

    [Fact]
    public async Task RemoveExpired_DropsExpiredItems_AndTheStoreStillTakesWritesToTheirPartitions()
    {
        var store = new EmbeddedItemStore(_clock, _journal);
        await store.WriteAsync(
            [
                new ItemWrite(ItemSamples.Item("idem#1", "record", expiresAt: _clock.GetUtcNow().AddMinutes(1))),
                new ItemWrite(ItemSamples.Item("user#1", "record", expiresAt: _clock.GetUtcNow().AddMinutes(1))),
                new ItemWrite(ItemSamples.Item("user#1", "profile")),
            ],
            None);
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(2, store.RemoveExpired());
        await store.WriteAsync([new ItemWrite(ItemSamples.Item("idem#1", "record"))], None);

        Assert.NotNull(await store.GetAsync("idem#1", "record", None));
        Assert.NotNull(await store.GetAsync("user#1", "profile", None));
        Assert.Equal(0, store.RemoveExpired());
    }
}
