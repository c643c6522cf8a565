using GymCoach.Contracts.Queueing;
using GymCoach.Contracts.Storage;

namespace GymCoach.Cli.Backends;

/// <summary>Where the pipeline's queues and table live: embedded in the process, local emulators, or AWS.</summary>
internal interface IBackend : IAsyncDisposable
{
    string Name { get; }

    IMessageQueue WritesQueue { get; }

    IMessageQueue WritesDeadLetterQueue { get; }

    IMessageQueue AnalyticsQueue { get; }

    IMessageQueue AnalyticsDeadLetterQueue { get; }

    IItemStore Store { get; }
}
