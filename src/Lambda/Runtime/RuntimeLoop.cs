using Serilog;

namespace GymCoach.Lambda.Runtime;

/// <summary>The custom runtime's loop: takes invocations from the runtime API one at a time and posts each one's answer.</summary>
/// <remarks>
/// <para>
/// Each invocation goes to the handler with a token cancelled at its deadline (and in any case once it is answered, so
/// no work leaks into the next one). The handler's answer is posted as the result or as an error document; a handler
/// that throws fails the invocation as <c>Runtime.Unhandled</c>. A result the runtime API refuses (too large) fails
/// that invocation only.
/// </para>
/// <para>
/// The loop ends when <c>cancellationToken</c> is cancelled, and throws <see cref="RuntimeApiException"/> when the
/// runtime API breaks down: the process should then exit so Lambda replaces the environment.
/// </para>
/// </remarks>
public sealed class RuntimeLoop
{
    /// <summary>A deadline beyond this is treated as none: no timer is armed.</summary>
    private static readonly TimeSpan NoDeadline = TimeSpan.FromDays(1);

    private readonly RuntimeApiClient _client;
    private readonly IInvocationHandler _handler;
    private readonly ILogger _logger;

    public RuntimeLoop(RuntimeApiClient client, IInvocationHandler handler, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(handler);
        _client = client;
        _handler = handler;
        _logger = (logger ?? Serilog.Core.Logger.None).ForContext<RuntimeLoop>();
    }

    /// <summary>Answers invocations until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <exception cref="RuntimeApiException">The runtime API failed in a way the runtime cannot go on from.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            RuntimeInvocation invocation;
            try
            {
                invocation = await _client.GetNextInvocationAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await InvokeAsync(invocation, cancellationToken);
            }
            catch (RuntimeApiException ex) when (ex.IsRecoverable)
            {
                // A refused result (e.g. over the 6 MB payload limit) fails this invocation only; the environment is still usable.
                _logger.Error(ex, "The runtime API refused the result of invocation {RequestId}", invocation.Context.RequestId);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            finally
            {
                _handler.AfterInvocation();
            }
        }
    }

    /// <summary>Runs the loop as a bootstrap's last step and returns the process's exit code.</summary>
    /// <returns><see cref="RuntimeExitCodes.Stopped"/> when <paramref name="cancellationToken"/> stops it; <see cref="RuntimeExitCodes.Failed"/>, logged, when the runtime API broke down.</returns>
    public async Task<int> RunToExitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(cancellationToken);
            return RuntimeExitCodes.Stopped;
        }
        catch (Exception ex) when (ex is RuntimeApiException or HttpRequestException)
        {
            _logger.Fatal(ex, "The runtime API failed; exiting so that Lambda replaces this environment");
            return RuntimeExitCodes.Failed;
        }
    }

    private async Task InvokeAsync(RuntimeInvocation invocation, CancellationToken cancellationToken)
    {
        var context = invocation.Context;
        Environment.SetEnvironmentVariable(RuntimeEnvironmentVariables.TraceId, context.TraceId);

        InvocationAnswer answer;
        using (var invocationSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            // The deadline is wall-clock time from the runtime API, so the system clock and timer are the ones to use.
            var remaining = context.Deadline - DateTimeOffset.UtcNow;
            if (remaining < NoDeadline)
            {
                invocationSource.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
            }

            try
            {
                answer = await _handler.HandleAsync(invocation, invocationSource.Token);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                _logger.Error(ex, "Invocation {RequestId} failed", context.RequestId);
                answer = InvocationAnswer.Failed(RuntimeError.FromException(RuntimeErrorTypes.Unhandled, ex));
            }
            finally
            {
                await invocationSource.CancelAsync();
            }
        }

        if (answer.Error is { } error)
        {
            await _client.PostErrorAsync(context.RequestId, error, cancellationToken);
        }
        else
        {
            await _client.PostResponseAsync(context.RequestId, answer.Response, cancellationToken);
        }
    }
}
