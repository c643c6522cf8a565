namespace GymCoach.Hosting.Workers;

/// <summary>Thrown by <see cref="FaultInjectingFunction"/>.</summary>
internal sealed class InjectedFaultException(string message) : Exception(message);
