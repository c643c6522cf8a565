using System.Text.Json;
using GymCoach.Cli.Backends;
using GymCoach.Cli.Tests.Support;
using GymCoach.Contracts.Events;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Storage;

namespace GymCoach.Cli.Tests.Commands;

[Trait("Category", "Slow")]
public sealed class ProfileCommandTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("gymcoach-profile-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public async Task AStoredProfile_IsPrintedAsTheApiServesIt_Indented()
    {
        await using (var backend = await EmbeddedBackend.OpenAsync(_state, StateAccess.Write, "test", CancellationToken.None))
        {
            var stored = new StoredProfile
            {
                Profile = new ProfileUpdated { UserId = "ana", DisplayName = "Ana", Bodyweight = 58m, Unit = WeightUnit.Kg, Goals = ["endurance"] },
                UpdatedAt = new DateTimeOffset(2026, 11, 2, 7, 0, 0, TimeSpan.Zero),
                EventId = "evt-ana",
            };
            await backend.Store.WriteAsync(
                [new ItemWrite(new StoredItem
                {
                    PartitionKey = TableKeys.UserPartition("ana"),
                    SortKey = TableKeys.ProfileSortKey,
                    Data = JsonSerializer.Serialize(stored, StorageJsonContext.Default.StoredProfile),
                    Version = stored.UpdatedAt.ToUnixTimeMilliseconds(),
                })],
                CancellationToken.None);
        }

        var result = await CliProcess.RunAsync(null, "profile", "ana", "--state", _state);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("\"displayName\": \"Ana\"", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"goals\": [", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"updatedAt\": \"2026-11-02T07:00:00+00:00\"", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownUser_ExitsWithOneAndSaysSo()
    {
        var result = await CliProcess.RunAsync(null, "profile", "nobody", "--state", _state);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no profile for user 'nobody'", result.StandardError, StringComparison.Ordinal);
    }
}
