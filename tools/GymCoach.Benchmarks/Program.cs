using BenchmarkDotNet.Running;
using GymCoach.Benchmarks;

if (args is ["publisher-throughput", .. var options])
{
    return await PublisherThroughput.RunAsync(options);
}

BenchmarkSwitcher.FromAssembly(typeof(PublisherThroughput).Assembly).Run(args);
return 0;
