using BenchmarkDotNet.Running;
using GymCoach.Benchmarks;
using GymCoach.Benchmarks.Pipeline;

if (args is ["publisher-throughput", .. var options])
{
    return await PublisherThroughput.RunAsync(options);
}

if (args is ["producer-throughput", .. var producerOptions])
{
    return await ProducerThroughput.RunAsync(producerOptions);
}

if (args is ["pipeline-throughput", .. var pipelineOptions])
{
    return await PipelineThroughput.RunAsync(pipelineOptions);
}

BenchmarkSwitcher.FromAssembly(typeof(PublisherThroughput).Assembly).Run(args);
return 0;
