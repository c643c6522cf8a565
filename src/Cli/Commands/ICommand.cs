namespace GymCoach.Cli.Commands;

/// <summary>One <c>gymcoach</c> subcommand.</summary>
internal interface ICommand
{
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    /// <summary>The command's synopsis, printed with its argument errors.</summary>
    string Usage { get; }

    /// <summary>Runs the command; throws <see cref="UsageException"/> for bad arguments and <see cref="CommandFailedException"/> for a failure to report.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken);
}
