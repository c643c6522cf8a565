namespace GymCoach.Workers.Batching;

/// <summary>Settings of the <see cref="BatchProcessor"/>: chunk size, chunk concurrency and the deadline safety margin.</summary>
public sealed class BatchProcessorOptions
{
    /// <summary>The largest value of <see cref="ChunkSize"/>: the largest batch an SQS event source mapping delivers.</summary>
    public const int MaxChunkSize = 10_000;

    /// <summary>The largest value of <see cref="DeadlineSafetyMargin"/>: Lambda's longest timeout.</summary>
    public static readonly TimeSpan MaxDeadlineSafetyMargin = TimeSpan.FromMinutes(15);

    /// <summary>Messages per chunk, each chunk handled by one <see cref="IChunkScope"/>. Default 100; 1 to 10,000.</summary>
    public int ChunkSize { get; set; } = 100;

    /// <summary>Chunks (FIFO: message groups) processed at once. Default 5; at least 1.</summary>
    public int MaxConcurrentChunks { get; set; } = 5;

    /// <summary>No message starts when less than this remains before the invocation deadline. Default 3 s; 0 to 15 min.</summary>
    /// <remarks>Handlers' cancellation token is cancelled at half this margin before the deadline, leaving time to report.</remarks>
    public TimeSpan DeadlineSafetyMargin { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Every broken rule, empty when the options are valid.</summary>
    public IReadOnlyList<string> GetErrors()
    {
        var errors = new List<string>(3);
        if (ChunkSize is < 1 or > MaxChunkSize)
        {
            errors.Add($"{nameof(ChunkSize)} must be between 1 and {MaxChunkSize}, was {ChunkSize}.");
        }

        if (MaxConcurrentChunks < 1)
        {
            errors.Add($"{nameof(MaxConcurrentChunks)} must be at least 1, was {MaxConcurrentChunks}.");
        }

        if (DeadlineSafetyMargin < TimeSpan.Zero || DeadlineSafetyMargin > MaxDeadlineSafetyMargin)
        {
            errors.Add($"{nameof(DeadlineSafetyMargin)} must be between 0 and {MaxDeadlineSafetyMargin}, was {DeadlineSafetyMargin}.");
        }

        return errors;
    }

    /// <summary>Throws one <see cref="ArgumentException"/> listing every broken rule.</summary>
    /// <exception cref="ArgumentException">At least one setting is out of range.</exception>
    public void Validate()
    {
        var errors = GetErrors();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid batch processor options: " + string.Join(" ", errors));
        }
    }
}
