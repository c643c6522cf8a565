namespace GymCoach.Lambda.Runtime;

/// <summary>What a bootstrap does with one invocation's event; <see cref="RuntimeLoop"/> owns fetching, the deadline and posting.</summary>
public interface IInvocationHandler
{
    /// <summary>Answers one invocation; <paramref name="cancellationToken"/> is cancelled at its deadline.</summary>
    /// <remarks>An exception fails the invocation (<c>Runtime.Unhandled</c>); expected failures are answered with <see cref="InvocationAnswer.Failed"/>.</remarks>
    Task<InvocationAnswer> HandleAsync(RuntimeInvocation invocation, CancellationToken cancellationToken);

    /// <summary>Runs after each invocation is answered, before the next is requested (Lambda may freeze the process in between).</summary>
    void AfterInvocation();
}
