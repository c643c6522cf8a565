using GymCoach.Contracts.Storage;
using GymCoach.Embedded.Storage;

namespace GymCoach.Cli.Backends.Durable;

/// <summary>Commits the embedded store's writes to the state database, one transaction per store request.</summary>
internal sealed class SqliteItemJournal(StateDatabase database) : IItemJournal
{
    private const string Upsert = """
        INSERT INTO items (pk, sk, data, version, expires_at_ms, index_pk, index_sk)
        VALUES ($pk, $sk, $data, $version, $expires, $ipk, $isk)
        ON CONFLICT (pk, sk) DO UPDATE SET data = excluded.data, version = excluded.version,
            expires_at_ms = excluded.expires_at_ms, index_pk = excluded.index_pk, index_sk = excluded.index_sk
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
                ("$expires", item.ExpiresAt?.ToUnixTimeMilliseconds()),
                ("$ipk", item.IndexPartitionKey),
                ("$isk", item.IndexSortKey));
        }
    });
}
