using BenchmarkDotNet.Running;
using GymCoach.Benchmarks;
using GymCoach.Benchmarks.Pipeline;
using GymCoach.Benchmarks.Reads;
using GymCoach.Benchmarks.Storage;

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

if (args is ["read-latency", .. var readOptions])
{
    return await ReadLatency.RunAsync(readOptions);
}

if (args is ["dynamodb-write-throughput", .. var writeOptions])
{
    return await DynamoDbWriteThroughput.RunAsync(writeOptions);
}

if (args is ["dynamodb-request-costs", .. var costOptions])
{
    return await DynamoDbRequestCosts.RunAsync(costOptions);
}

BenchmarkSwitcher.FromAssembly(typeof(PublisherThroughput).Assembly).Run(args);
return 0;
