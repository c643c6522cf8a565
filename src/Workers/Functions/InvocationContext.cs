namespace GymCoach.Workers.Functions;

/// <summary>What the Lambda runtime tells a function about one invocation.</summary>
/// <param name="RequestId">The invocation's request id (<c>Lambda-Runtime-Aws-Request-Id</c>).</param>
/// <param name="Deadline">When the invocation times out (<c>Lambda-Runtime-Deadline-Ms</c>).</param>
/// <param name="FunctionArn">The invoked function's ARN, when known.</param>
/// <param name="TraceId">The X-Ray trace header, when known.</param>
public sealed record InvocationContext(string RequestId, DateTimeOffset Deadline, string? FunctionArn = null, string? TraceId = null);
