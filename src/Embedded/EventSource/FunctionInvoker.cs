using System.Diagnostics;
using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Functions;
using Serilog;

namespace GymCoach.Embedded.EventSource;

/// <summary>Invokes the function as Lambda does: the invocation is over at the function timeout, whether or not the function has returned.</summary>
/// <remarks>
/// Lambda ends a function that times out by resetting its execution environment. In one process that cannot be done,
/// so the function's token is cancelled at the timeout and the runner stops waiting: the invocation counts as failed
/// (its whole batch is retried through the visibility timeout) and its poller goes on. Whatever the abandoned work
/// still does before it notices the token (a store write, a message sent) is the kind of partial work a timed-out
/// Lambda leaves too; handlers are idempotent and delivery is at least once, so its redelivered batch redoes it safely.
/// </remarks>
internal sealed class FunctionInvoker(ISqsFunction function, TimeSpan functionTimeout, EventSourceStats stats, TimeProvider timeProvider, ILogger logger)
{
    /// <returns>The function's response, or null when the invocation threw or timed out: then the whole batch must be retried.</returns>
    public async Task<SqsBatchResponse?> InvokeAsync(List<SqsMessage> batch)
    {
        var started = Stopwatch.GetTimestamp();
        var context = new InvocationContext(Guid.NewGuid().ToString(), timeProvider.GetUtcNow() + functionTimeout);
        var timeout = new CancellationTokenSource(functionTimeout, timeProvider);
        var invocation = Start(batch, context, timeout.Token);
        var abandoned = false;
        try
        {
            var response = await invocation.WaitAsync(timeout.Token);
            stats.InvocationEnded(Stopwatch.GetElapsedTime(started));
            return response;
        }
        catch (Exception ex)
        {
            stats.InvocationEnded(Stopwatch.GetElapsedTime(started));
            stats.WholeBatchRetried();
            if (!timeout.IsCancellationRequested)
            {
                logger.Error(ex, "Invocation of {MessageCount} messages from {QueueName} failed; the whole batch will be retried", batch.Count);
            }
            else
            {
                stats.TimedOut();
                logger.Error(
                    "Invocation of {MessageCount} messages timed out after {FunctionTimeout} on {QueueName}; the whole batch will be retried",
                    batch.Count,
                    functionTimeout);
                if (!invocation.IsCompleted)
                {
                    abandoned = true;
                    LetRunOut(invocation, timeout, started);
                }
            }

            return null;
        }
        finally
        {
            if (!abandoned)
            {
                timeout.Dispose();
            }
        }
    }

    private Task<SqsBatchResponse> Start(List<SqsMessage> batch, InvocationContext context, CancellationToken cancellationToken)
    {
        try
        {
            return function.InvokeAsync(new SqsEvent { Records = batch }, context, cancellationToken);
        }
        catch (Exception ex)
        {
            return Task.FromException<SqsBatchResponse>(ex);
        }
    }

    /// <summary>No longer awaited, the abandoned invocation is still observed: counted while it runs, its end logged, its exception never unobserved.</summary>
    private void LetRunOut(Task<SqsBatchResponse> invocation, CancellationTokenSource timeout, long started)
    {
        stats.AbandonedInvocationStarted();
        _ = invocation.ContinueWith(
            ended =>
            {
                stats.AbandonedInvocationEnded();
                timeout.Dispose();
                logger.Warning(
                    ended.Exception?.GetBaseException(),
                    "An invocation that had timed out ended {Elapsed} after it started, on {QueueName}; its batch is retried regardless",
                    Stopwatch.GetElapsedTime(started));
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
