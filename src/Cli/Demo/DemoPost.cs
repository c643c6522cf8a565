using GymCoach.Contracts.Events;

namespace GymCoach.Cli.Demo;

/// <summary>One thing a demo producer posts to the ingest API.</summary>
internal abstract record DemoPost
{
    /// <summary>How many messages it puts on the writes queue when accepted.</summary>
    public abstract int Messages { get; }
}

/// <summary>A logged workout, posted in a <c>/v1/workouts:batch</c> with others.</summary>
internal sealed record WorkoutPost(WorkoutLogged Workout) : DemoPost
{
    public override int Messages => 1;
}

/// <summary>Two updates of one profile, posted one after the other: the later one must win.</summary>
internal sealed record ProfilePosts(ProfileUpdated First, ProfileUpdated Latest) : DemoPost
{
    public override int Messages => 2;
}

/// <summary>A request the API must refuse with 400: it never reaches the queue.</summary>
internal sealed record InvalidPost(string Path, string Body) : DemoPost
{
    public override int Messages => 0;
}
