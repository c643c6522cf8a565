using GymCoach.Contracts.Storage;
using GymCoach.Embedded.Storage;

namespace GymCoach.Cli.Backends.Durable;

/// <summary>Commits the embedded store's writes to the state database, one transaction per store request.</summary>
internal sealed class SqliteItemJournal(StateDatabase database) : IItemJournal
{
    private const string Upsert = """
        INSERT INTO items (pk, sk, data, version, expires_at_ms)
        VALUES ($pk, $sk, $data, $version, $expires)
        ON CONFLICT (pk, sk) DO UPDATE SET data = excluded.data, version = excluded.version,
            expires_at_ms = excluded.expires_at_ms
        """;

    public void Commit(IReadOnlyList<StoredItem> items) => database.Write(db =>
    {
        foreach (var item in items)
        {
            db.Run(
                Upsert,
                ("$pk", item.PartitionKey),
                ("$sk", item.SortKey),
                ("$data", item.Data),
                ("$version", item.Version),
                ("$expires", item.ExpiresAt?.ToUnixTimeMilliseconds()));
        }
    });
}
