using System.Text;
using GymCoach.Lambda.Tests.Support;
using Xunit.Abstractions;

namespace GymCoach.Lambda.Tests.Bootstrap;

/// <summary>
/// Cold start (process start to first response posted) and peak memory of the API's AOT bootstrap answering a
/// <c>POST /v1/workouts</c>, beside the workers' AOT bootstrap answering a 10-message SQS batch, measured the same way
/// as <see cref="ColdStartTests"/> in one run; the figures are written to the test output, not asserted.
/// </summary>
[Collection(PublishedApiBootstrapCollection.Name)]
[Trait("Category", "Slow")]
public sealed class ApiColdStartTests(PublishedApiBootstrap api, PublishedBootstrap workers, ITestOutputHelper output)
{
    private const int Repetitions = 5;

    [Fact]
    public async Task ApiBootstrap_AnswersItsFirstRequest_MeasuredBesideTheWorkers()
    {
        var apiMeasurements = new List<ColdStart>();
        var workerMeasurements = new List<ColdStart>();
        for (var i = 0; i < Repetitions; i++)
        {
            apiMeasurements.Add(await MeasureApiAsync());
            workerMeasurements.Add(await MeasureWritesWorkerAsync());
        }

        output.WriteLine(ColdStart.Summary("API AOT (POST /v1/workouts)", apiMeasurements));
        output.WriteLine(ColdStart.Summary("Workers AOT (writes, 10 messages)", workerMeasurements));
        Assert.All(apiMeasurements, m => Assert.True(m.PeakMemoryKib > 0));
    }

    private async Task<ColdStart> MeasureApiAsync()
    {
        await using var runtime = FakeRuntimeApi.Start();
        var request = FunctionUrlEvent.Post("/v1/workouts", ApiBodies.Workout(), ApiKeys.Writer, "cold-start");
        var requestId = runtime.Enqueue(Encoding.UTF8.GetBytes(request.Json()));
        using var process = BootstrapProcess.Start(api.Path, runtime.Address, PublishedApiBootstrapTests.Embedded());

        var post = await runtime.WaitForResultAsync(requestId, TimeSpan.FromSeconds(60));

        Assert.Equal(RuntimePostKind.Response, post.Kind);
        Assert.Equal(202, post.Json.GetProperty("statusCode").GetInt32());
        return ColdStart.Of(process, post);
    }

    private async Task<ColdStart> MeasureWritesWorkerAsync()
    {
        await using var runtime = FakeRuntimeApi.Start();
        var requestId = runtime.Enqueue(SqsEvents.Json([.. Enumerable.Range(0, 10)
            .Select(i => ("w" + i, SqsEvents.WorkoutBody(SqsEvents.Workout("workout-" + i, "user-" + (i % 3)))))]));
        using var process = BootstrapProcess.Start(workers.Path, runtime.Address, Variables.Embedded("writes"));

        var post = await runtime.WaitForResultAsync(requestId, TimeSpan.FromSeconds(60));

        Assert.Equal(RuntimePostKind.Response, post.Kind);
        return ColdStart.Of(process, post);
    }
}
