using System.Globalization;

namespace GymCoach.Embedded.EventSource;

/// <summary>Settings of the local event-source runner, named and limited like the Lambda SQS event source mapping's.</summary>
public sealed class EventSourceOptions
{
    /// <summary>Most messages per invocation (<c>BatchSize</c>, 1–10,000; FIFO ≤ 10). Default 500: 5 chunks of 100.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How long to gather a batch after its first message (<c>MaximumBatchingWindowInSeconds</c>, ≤ 300 s). Default 1 s.</summary>
    /// <remarks>As in AWS, a batch size over 10 needs a window of at least one second.</remarks>
    public TimeSpan MaximumBatchingWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most concurrent invocations (<c>ScalingConfig.MaximumConcurrency</c>, 2–1000). Default 2.</summary>
    public int MaximumConcurrency { get; set; } = 2;

    /// <summary>The function timeout: each invocation gets this long before its deadline. Default 30 s, as in the template.</summary>
    /// <remarks>
    /// The queue's visibility timeout must be at least this long (AWS refuses the mapping otherwise). An invocation
    /// that has not returned by then is over, as in Lambda: its whole batch is retried.
    /// </remarks>
    public TimeSpan FunctionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one receive call waits for messages (long poll, ≤ 20 s). Default 1 s, so stopping is quick.</summary>
    public TimeSpan PollWaitTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Every invalid setting at once, in the words of the ESM's own errors.</summary>
    /// <param name="fifoQueue">Whether the source queue is a FIFO queue.</param>
    /// <param name="queueVisibilityTimeout">The source queue's visibility timeout, when known: it may not be shorter than <see cref="FunctionTimeout"/>.</param>
    public IReadOnlyList<string> Validate(bool fifoQueue, TimeSpan? queueVisibilityTimeout = null)
    {
        var errors = new List<string>();
        var maxBatch = fifoQueue ? 10 : 10_000;
        if (BatchSize < 1 || BatchSize > maxBatch)
        {
            errors.Add($"BatchSize must be between 1 and {maxBatch}{(fifoQueue ? " for a FIFO queue" : "")}, was {BatchSize}.");
        }

        if (MaximumBatchingWindow < TimeSpan.Zero || MaximumBatchingWindow > TimeSpan.FromSeconds(300))
        {
            errors.Add($"MaximumBatchingWindow must be between 0 and 300 seconds, was {MaximumBatchingWindow.TotalSeconds} s.");
        }
        else if (BatchSize > 10 && MaximumBatchingWindow < TimeSpan.FromSeconds(1))
        {
            errors.Add("MaximumBatchingWindow must be at least 1 second when BatchSize is over 10.");
        }

        if (MaximumConcurrency < 2 || MaximumConcurrency > 1000)
        {
            errors.Add($"MaximumConcurrency must be between 2 and 1000, was {MaximumConcurrency}.");
        }

        if (FunctionTimeout <= TimeSpan.Zero || FunctionTimeout > TimeSpan.FromMinutes(15))
        {
            errors.Add($"FunctionTimeout must be between 1 ms and 15 minutes, was {FunctionTimeout}.");
        }

        if (PollWaitTime < TimeSpan.Zero || PollWaitTime > TimeSpan.FromSeconds(20))
        {
            errors.Add($"PollWaitTime must be between 0 and 20 seconds, was {PollWaitTime.TotalSeconds} s.");
        }

        if (queueVisibilityTimeout is { } visibility && visibility < FunctionTimeout)
        {
            // CreateEventSourceMapping's own words: a shorter visibility would redeliver messages while the function still runs.
            errors.Add($"Queue visibility timeout: {Seconds(visibility)} seconds is less than Function timeout: {Seconds(FunctionTimeout)} seconds.");
        }

        return errors;
    }

    internal EventSourceOptions Copy() => (EventSourceOptions)MemberwiseClone();

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
