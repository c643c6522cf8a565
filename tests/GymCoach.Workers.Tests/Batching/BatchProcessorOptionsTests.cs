using GymCoach.Workers.Batching;

namespace GymCoach.Workers.Tests.Batching;

public sealed class BatchProcessorOptionsTests
{
    [Fact]
    public void Defaults_AreChunksOf100_FiveAtOnce_AndAThreeSecondMargin()
    {
        var options = new BatchProcessorOptions();

        Assert.Equal(100, options.ChunkSize);
        Assert.Equal(5, options.MaxConcurrentChunks);
        Assert.Equal(TimeSpan.FromSeconds(3), options.DeadlineSafetyMargin);
        Assert.Empty(options.GetErrors());
        options.Validate();
    }

    [Fact]
    public void Validate_ReportsEveryBrokenRuleAtOnce()
    {
        var options = new BatchProcessorOptions
        {
            ChunkSize = 0,
            MaxConcurrentChunks = 0,
            DeadlineSafetyMargin = TimeSpan.FromSeconds(-1),
        };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(3, options.GetErrors().Count);
        Assert.Contains(nameof(BatchProcessorOptions.ChunkSize), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(BatchProcessorOptions.MaxConcurrentChunks), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(BatchProcessorOptions.DeadlineSafetyMargin), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10_001, 1, 0)]
    [InlineData(100, 1, 16 * 60)]
    public void Validate_RejectsValuesAboveTheLimits(int chunkSize, int maxConcurrentChunks, int marginSeconds)
    {
        var options = new BatchProcessorOptions
        {
            ChunkSize = chunkSize,
            MaxConcurrentChunks = maxConcurrentChunks,
            DeadlineSafetyMargin = TimeSpan.FromSeconds(marginSeconds),
        };

        Assert.Single(options.GetErrors());
    }

    [Fact]
    public void TheProcessor_RefusesInvalidOptions()
    {
        Assert.Throws<ArgumentException>(() => new BatchProcessor(new BatchProcessorOptions { ChunkSize = -5 }));
    }
}
