using GymCoach.Cli.Backends.Durable;
using GymCoach.Cli.Terminal;

namespace GymCoach.Cli.Commands;

/// <summary>Dispatches to a subcommand and turns every failure into a one-line message and an exit code, never a stack trace.</summary>
internal sealed class CommandLineApp(IReadOnlyList<ICommand> commands, TextWriter error)
{
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            return PrintHelp(args.Length > 1 ? args[1] : null);
        }

        var command = commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            await error.WriteLineAsync($"gymcoach: unknown command '{args[0]}'");
            PrintCommandList();
            return ExitCodes.BadArguments;
        }

        if (args.Skip(1).Any(a => a is "--help" or "-h"))
        {
            return PrintHelp(command.Name);
        }

        try
        {
            return await command.RunAsync(args[1..], cancellationToken);
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync($"gymcoach {command.Name}: {TerminalText.Lines(ex.Message)}");
            await error.WriteLineAsync($"usage: {command.Usage}");
            return ExitCodes.BadArguments;
        }
        catch (StateFolderLockedException ex)
        {
            await error.WriteLineAsync($"gymcoach {command.Name}: {ex.Message}");
            return ExitCodes.BadArguments;
        }
        catch (CommandFailedException ex)
        {
            await error.WriteLineAsync($"gymcoach {command.Name}: {TerminalText.Lines(ex.Message)}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"gymcoach {command.Name}: stopped");
            return ExitCodes.Failure;
        }
        catch (Exception ex)
        {
            // A bug or an unreachable dependency: one line for the user; GYMCOACH_DEBUG=1 shows the whole exception.
            var detail = Environment.GetEnvironmentVariable("GYMCOACH_DEBUG") == "1" ? ex.ToString() : $"{ex.GetType().Name}: {ex.Message}";
            await error.WriteLineAsync($"gymcoach {command.Name}: failed: {detail}");
            return ExitCodes.Failure;
        }
    }

    private int PrintHelp(string? commandName)
    {
        var command = commands.FirstOrDefault(c => c.Name == commandName);
        if (command is null)
        {
            PrintCommandList();
            return commandName is null ? ExitCodes.Success : ExitCodes.BadArguments;
        }

        System.Console.Out.WriteLine($"{command.Summary}\n\nusage: {command.Usage}");
        return ExitCodes.Success;
    }

    private void PrintCommandList()
    {
        var output = System.Console.Out;
        output.WriteLine("GymCoach: workouts and profiles through SQS-style queues into precomputed training analytics.");
        output.WriteLine();
        output.WriteLine("usage: gymcoach <command> [options]   (gymcoach help <command> for its options)");
        output.WriteLine();
        foreach (var command in commands)
        {
            output.WriteLine($"  {command.Name,-10} {command.Summary}");
        }
    }
}
