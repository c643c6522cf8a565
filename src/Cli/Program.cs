using GymCoach.Cli.Commands;

using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl-C stops gracefully (in-flight batches settle); a second one ends the process.
    e.Cancel = !stopping.IsCancellationRequested;
    stopping.Cancel();
};

ICommand[] commands =
[
    new DemoCommand(), new RunCommand(), new ProduceCommand(), new InvokeCommand(), new AnalyticsCommand(), new ProfileCommand(), new QueuesCommand(), new DlqCommand(), new RebuildCommand(),
];
return await new CommandLineApp(commands, Console.Error).RunAsync(args, stopping.Token);
