using System.Runtime.InteropServices;

namespace GymCoach.Lambda.Runtime;

/// <summary>
/// The start of every GymCoach Lambda custom runtime (<c>provided.al2023</c>): finds the Runtime API, connects to it, and
/// runs the host until SIGTERM, which Lambda sends before it shuts the environment down.
/// </summary>
public static class CustomRuntimeEntryPoint
{
    /// <summary>Runs <paramref name="host"/> with a client of the Runtime API; its exit code is the program's.</summary>
    /// <param name="host">The function's loop: given the client and a token cancelled on SIGTERM, it returns the exit code.</param>
    public static async Task<int> RunAsync(Func<RuntimeApiClient, CancellationToken, Task<int>> host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var runtimeApi = Environment.GetEnvironmentVariable(RuntimeEnvironmentVariables.RuntimeApi);
        if (string.IsNullOrWhiteSpace(runtimeApi))
        {
            await Console.Error.WriteLineAsync(
                $"bootstrap: {RuntimeEnvironmentVariables.RuntimeApi} is not set; this program is a Lambda custom runtime (provided.al2023).");
            return RuntimeExitCodes.NotInLambda;
        }

        using var httpClient = RuntimeApiClient.CreateHttpClient();
        RuntimeApiClient client;
        try
        {
            client = new RuntimeApiClient(runtimeApi, httpClient);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync("bootstrap: " + ex.Message);
            return RuntimeExitCodes.NotInLambda;
        }

        using var stopping = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stopping.Cancel();
        });
        return await host(client, stopping.Token);
    }
}
