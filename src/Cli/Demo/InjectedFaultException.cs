namespace GymCoach.Cli.Demo;

/// <summary>A transient failure the demo injected on purpose.</summary>
internal sealed class InjectedFaultException(string messageId)
    : Exception($"injected transient failure for message {messageId}");
