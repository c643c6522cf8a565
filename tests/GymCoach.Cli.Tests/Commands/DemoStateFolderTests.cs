using GymCoach.Cli.Backends;
using GymCoach.Cli.Demo;

namespace GymCoach.Cli.Tests.Commands;

public sealed class DemoStateFolderTests : IDisposable
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "gymcoach-demo-state-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void PreparingTheFolder_AlsoEmptiesTheLocalBackendsDatabase_WhereverItIsKept()
    {
        DemoStateFolder.Prepare(_state, fresh: false);
        var database = LocalBackend.DatabaseDirectory(_state);
        Directory.CreateDirectory(database);
        File.WriteAllText(Path.Combine(database, "shared-local-instance.db"), "the previous demo's table");

        DemoStateFolder.Prepare(_state, fresh: false);

        Assert.False(Directory.Exists(database));
        Assert.True(File.Exists(Path.Combine(_state, "created-by-gymcoach-demo")));
    }

    public void Dispose()
    {
        Directory.Delete(_state, recursive: true);
        if (Directory.Exists(LocalBackend.DatabaseDirectory(_state)))
        {
            Directory.Delete(LocalBackend.DatabaseDirectory(_state), recursive: true);
        }
    }
}
