using GymCoach.Cli.Backends.Durable;

namespace GymCoach.Cli.Tests.Backends;

/// <summary>The state database's writes: concurrent callers committed together, each all or nothing.</summary>
public sealed class StateDatabaseTests : IDisposable
{
    private const string Insert = "INSERT INTO items (pk, sk, data, version) VALUES ($pk, 'S', '{}', 0)";
    private readonly string _state = Directory.CreateTempSubdirectory("gymcoach-db-").FullName;

    [Fact]
    public async Task ConcurrentWriters_AreAllCommitted_AndOneThatThrows_FailsAlone_WithNothingOfItKept()
    {
        using (var database = StateDatabase.OpenForWriting(_state))
        {
            var writers = Enumerable.Range(0, 64).Select(i => Task.Run(() => database.Write(db =>
            {
                db.Run(Insert, ("$pk", $"P{i}"));
                if (i == 13)
                {
                    throw new InvalidOperationException("refused");
                }
            }))).ToArray();

            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => Task.WhenAll(writers));

            Assert.Equal("refused", failure.Message);
            Assert.Equal(1, writers.Count(writer => writer.IsFaulted));
        }

        using var reader = StateDatabase.OpenReadOnly(_state)!;
        var keys = reader.Snapshot(db => db.Query("SELECT pk FROM items", row => row.GetString(0)));
        Assert.Equal(63, keys.Count);
        Assert.DoesNotContain("P13", keys);
    }

    public void Dispose() => Directory.Delete(_state, recursive: true);
}
