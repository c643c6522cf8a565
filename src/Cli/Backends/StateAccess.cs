namespace GymCoach.Cli.Backends;

/// <summary>How a command opens the embedded backend's state folder.</summary>
internal enum StateAccess
{
    /// <summary>A consistent snapshot, beside a writer if one runs; nothing the command does is kept.</summary>
    ReadOnly,

    /// <summary>As the folder's one writer (<see cref="Durable.WriterLock"/>): every change is committed before it is acknowledged.</summary>
    Write,
}
