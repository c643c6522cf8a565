using GymCoach.Cli.Backends;
using GymCoach.Cli.Commands;
using GymCoach.Workers.Queueing;
using GymCoach.Workers.Batching;

namespace GymCoach.Cli.Hosting;

/// <summary>The workers' function timeout and their queues' visibility timeout, as <c>run</c> and <c>demo</c> take them.</summary>
/// <param name="VisibilityTimeout">For the embedded and local queues; null on aws, where the deployed queues' own applies.</param>
internal sealed record WorkerTimeouts(TimeSpan FunctionTimeout, TimeSpan? VisibilityTimeout)
{
    /// <summary>Lambda's longest function timeout.</summary>
    public static readonly TimeSpan MaxFunctionTimeout = TimeSpan.FromMinutes(15);

    /// <summary>The shortest function timeout that still lets a message start: the processor starts none within its safety margin of the deadline.</summary>
    public static TimeSpan MinFunctionTimeout { get; } = new BatchProcessorOptions().DeadlineSafetyMargin + TimeSpan.FromSeconds(1);

    /// <summary>The backend options with this visibility timeout for the embedded and local queues.</summary>
    public BackendOptions ApplyTo(BackendOptions options) =>
        VisibilityTimeout is { } visibility ? options with { VisibilityTimeout = visibility } : options;

    /// <summary>Reads <c>--function-timeout</c> and <c>--visibility-timeout</c> (default: the function timeout + the batching window).</summary>
    /// <param name="defaultFunctionTimeout">Without <c>--function-timeout</c>: the template's 30 s unless the command has a reason for another.</param>
    /// <exception cref="UsageException">A value is out of range, the visibility timeout is shorter than the function timeout, or one is given for the aws backend.</exception>
    public static WorkerTimeouts Read(ArgumentReader reader, string backend, TimeSpan? defaultFunctionTimeout = null)
    {
        var functionTimeout = reader.Duration("function-timeout", MinFunctionTimeout, MaxFunctionTimeout)
            ?? defaultFunctionTimeout ?? PipelineSettings.DefaultFunctionTimeout;
        var visibilityTimeout = reader.Duration("visibility-timeout", TimeSpan.Zero, QueueLimits.MaxVisibilityTimeout);
        if (backend == BackendOptions.Aws)
        {
            return visibilityTimeout is null
                ? new WorkerTimeouts(functionTimeout, null)
                : throw new UsageException("--visibility-timeout is for the embedded and local backends; on aws the deployed queues' own applies (190s in the template)");
        }

        if (visibilityTimeout is { } visibility && visibility < functionTimeout)
        {
            throw new UsageException(
                $"--visibility-timeout {DurationText.Format(visibility)} is less than --function-timeout {DurationText.Format(functionTimeout)}: "
                + "AWS refuses that, as messages would be delivered again while their invocation still runs");
        }

        return new WorkerTimeouts(functionTimeout, visibilityTimeout ?? PipelineSettings.VisibilityTimeoutFor(functionTimeout));
    }
}
