using System.Runtime.InteropServices;
using GymCoach.Ingest.Lambda.Hosting;
using GymCoach.Workers.Runtime;

// The ingest API's Lambda custom runtime entry point: exit code 0 after SIGTERM, 1 when the API could not start or the
// runtime API broke down, 2 when not started by Lambda.
var runtimeApi = Environment.GetEnvironmentVariable(RuntimeEnvironmentVariables.RuntimeApi);
if (string.IsNullOrWhiteSpace(runtimeApi))
{
    await Console.Error.WriteLineAsync(
        $"bootstrap: {RuntimeEnvironmentVariables.RuntimeApi} is not set; this program is a Lambda custom runtime (provided.al2023).");
    return ApiLambdaHost.NotInLambdaExitCode;
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
    return ApiLambdaHost.NotInLambdaExitCode;
}

using var stopping = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stopping.Cancel();
});
return await ApiLambdaHost.RunAsync(client, Environment.GetEnvironmentVariable, Console.Out, stopping.Token);
