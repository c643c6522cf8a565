using GymCoach.Lambda.Hosting;
using GymCoach.Lambda.Runtime;

// The workers' Lambda custom runtime: exit code 0 after SIGTERM, 1 when the function could not start or the runtime API
// broke down, 2 when not started by Lambda.
return await CustomRuntimeEntryPoint.RunAsync((client, stopping) =>
    LambdaHost.RunAsync(client, Environment.GetEnvironmentVariable, Console.Out, stopping));
