using GymCoach.Contracts.Events;
using GymCoach.Producer.Tests.Support;

namespace GymCoach.Producer.Tests.Validation;

/// <summary>Both transports check the data with the workers' rules and send nothing when it breaks them.</summary>
public sealed class ValidationBeforeSendingTests
{
    public static TheoryData<ProducerTransport> Transports => [ProducerTransport.Http, ProducerTransport.Sqs];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task AnInvalidWorkout_NamesEveryInvalidField_AndSendsNothing(ProducerTransport transport)
    {
        var under = new TransportUnderTest(transport);

        var error = await Assert.ThrowsAsync<ProducerValidationException>(() => under.Producer.LogWorkoutAsync(Some.InvalidWorkout()));

        await under.DisposeAsync();
        Assert.Equal(Some.InvalidWorkoutFields, error.Errors.Select(e => e.Field));
        Assert.Null(error.Problem);
        Assert.All(Some.InvalidWorkoutFields, field => Assert.Contains(field, error.Message, StringComparison.Ordinal));
        Assert.Equal(0, under.Sent);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task AnInvalidWorkoutInABatch_RejectsTheBatch_NamingItsFieldsUnderItsIndex(ProducerTransport transport)
    {
        var under = new TransportUnderTest(transport);

        var error = await Assert.ThrowsAsync<ProducerValidationException>(
            () => under.Producer.LogWorkoutsAsync([Some.Workout(), Some.InvalidWorkout(), Some.Workout()]));

        await under.DisposeAsync();
        Assert.Equal(Some.InvalidWorkoutFields.Select(field => "workouts[1]." + field), error.Errors.Select(e => e.Field));
        Assert.Equal(0, under.Sent);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task MoreWorkoutsThanOneBatchAllows_AreRefused(ProducerTransport transport)
    {
        var under = new TransportUnderTest(transport);
        var workouts = Enumerable.Range(0, GymCoachProducer.MaxBatchWorkouts + 1).Select(_ => Some.Workout()).ToList();

        var error = await Assert.ThrowsAsync<ProducerValidationException>(() => under.Producer.LogWorkoutsAsync(workouts));

        await under.DisposeAsync();
        Assert.Equal("workouts", Assert.Single(error.Errors).Field);
        Assert.Equal(0, under.Sent);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task AnInvalidProfile_NamesEveryInvalidField_AndSendsNothing(ProducerTransport transport)
    {
        var under = new TransportUnderTest(transport);
        var profile = Some.Profile() with { DisplayName = "", Bodyweight = 0m, Unit = (WeightUnit)7, Goals = ["ok", " "] };

        var error = await Assert.ThrowsAsync<ProducerValidationException>(() => under.Producer.UpdateProfileAsync(profile));

        await under.DisposeAsync();
        Assert.Equal(["displayName", "bodyweight", "unit", "goals[1]"], error.Errors.Select(e => e.Field));
        Assert.Equal(0, under.Sent);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task AnInvalidRecomputeRequest_NamesEveryInvalidField_AndSendsNothing(ProducerTransport transport)
    {
        var under = new TransportUnderTest(transport);
        var request = Some.Recompute() with { UserId = new string('u', 129), Reason = "", WorkoutIds = ["w-1", ""] };

        var error = await Assert.ThrowsAsync<ProducerValidationException>(() => under.Producer.RequestRecomputeAsync(request));

        await under.DisposeAsync();
        Assert.Equal(["userId", "reason", "workoutIds[1]"], error.Errors.Select(e => e.Field));
        Assert.Equal(0, under.Sent);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task AWorkoutDatedMoreThanADayAhead_IsRefusedByTheWorkersRule(ProducerTransport transport)
    {
        var under = new TransportUnderTest(transport);
        var workout = Some.Workout(performedAt: DateTimeOffset.UtcNow.AddDays(2));

        var error = await Assert.ThrowsAsync<ProducerValidationException>(() => under.Producer.LogWorkoutAsync(workout));

        await under.DisposeAsync();
        Assert.Equal("performedAt", Assert.Single(error.Errors).Field);
        Assert.Equal(0, under.Sent);
    }
}
