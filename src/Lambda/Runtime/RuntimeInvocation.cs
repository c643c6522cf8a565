using GymCoach.Workers.Functions;

namespace GymCoach.Lambda.Runtime;

/// <summary>One invocation handed out by the runtime API: its context and its raw event.</summary>
/// <param name="Event">The UTF-8 event payload, valid only until the client's next <see cref="RuntimeApiClient.GetNextInvocationAsync"/>.</param>
public readonly record struct RuntimeInvocation(InvocationContext Context, ReadOnlyMemory<byte> Event);
