using GymCoach.Ingest.Lambda.Hosting;
using GymCoach.Lambda.Runtime;

// The ingest API's Lambda custom runtime: exit code 0 after SIGTERM, 1 when the API could not start or the runtime API
// broke down, 2 when not started by Lambda.
return await CustomRuntimeEntryPoint.RunAsync((client, stopping) =>
    ApiLambdaHost.RunAsync(client, Environment.GetEnvironmentVariable, Console.Out, stopping));
