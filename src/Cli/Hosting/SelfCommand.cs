using System.Diagnostics;

namespace GymCoach.Cli.Hosting;

/// <summary>Starts another gymcoach process the way this one was started: the app host, or <c>dotnet gymcoach.dll</c>.</summary>
internal static class SelfCommand
{
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this process is unknown");
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            // Run as 'dotnet gymcoach.dll': the first argument is the program.
            start.ArgumentList.Add(Environment.GetCommandLineArgs()[0]);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
