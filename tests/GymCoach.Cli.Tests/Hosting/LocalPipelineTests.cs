using GymCoach.Cli.Backends;
using GymCoach.Cli.Hosting;
using GymCoach.Workers.Batching;

namespace GymCoach.Cli.Tests.Hosting;

public sealed class LocalPipelineTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("gymcoach-pipeline-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public async Task TheDefaults_FitTogether_ThirtySecondFunctionsOnThirtyOneSecondQueues()
    {
        await using var backend = await EmbeddedBackend.OpenAsync(_state, StateAccess.Write, "test", CancellationToken.None);

        var pipeline = await LocalPipeline.CreateAsync(backend, DemoSettings(), TimeProvider.System, Serilog.Core.Logger.None);

        Assert.True(pipeline.IsIdle);
        Assert.Equal(TimeSpan.FromSeconds(31), await backend.WritesQueue.GetVisibilityTimeoutAsync(CancellationToken.None));
        Assert.Equal(TimeSpan.FromSeconds(31), await backend.AnalyticsQueue.GetVisibilityTimeoutAsync(CancellationToken.None));
    }

    [Fact]
    public async Task QueuesWithTheOldFiveSecondVisibility_AreRefusedForThirtySecondFunctions_NamingBothValues()
    {
        await using var backend = await EmbeddedBackend.OpenAsync(_state, StateAccess.Write, "test", TimeSpan.FromSeconds(5), EmbeddedBackend.DefaultRetentionPeriod, CancellationToken.None);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            LocalPipeline.CreateAsync(backend, DemoSettings(), TimeProvider.System, Serilog.Core.Logger.None));

        Assert.Contains("gymcoach-writes", error.Message, StringComparison.Ordinal);
        Assert.Contains("Queue visibility timeout: 5 seconds is less than Function timeout: 30 seconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFunctionTimeoutWithinTheProcessorsSafetyMargin_IsRefused_ItWouldNeverStartAMessage()
    {
        await using var backend = await EmbeddedBackend.OpenAsync(_state, StateAccess.Write, "test", CancellationToken.None);
        var settings = PipelineSettings.WithFunctionTimeout(TimeSpan.FromSeconds(3)) with { Processor = new BatchProcessorOptions() };

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            LocalPipeline.CreateAsync(backend, settings, TimeProvider.System, Serilog.Core.Logger.None));

        Assert.Contains("Function timeout: 3 seconds leaves no time within the batch processor's deadline safety margin of 3 seconds", error.Message, StringComparison.Ordinal);
    }

    private static PipelineSettings DemoSettings() => Demo.DemoRunner.Settings(null);
}
