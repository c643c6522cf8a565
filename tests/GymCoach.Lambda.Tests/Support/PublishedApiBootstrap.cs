namespace GymCoach.Lambda.Tests.Support;

/// <summary>The ingest API's Native AOT bootstrap, published once per test run by <c>tools/lambda/build.sh linux-x64 api</c> (skipped when its inputs are unchanged).</summary>
public sealed class PublishedApiBootstrap
{
    public PublishedApiBootstrap()
    {
        Path = PublishedBootstrap.Publish("api", System.IO.Path.Combine("publish", "api", "linux-x64", "bootstrap"));
    }

    /// <summary>The published <c>bootstrap</c> executable.</summary>
    public string Path { get; }
}

/// <summary>Tests of the API's bootstrap; the workers' bootstrap is there too, to measure both the same way.</summary>
[CollectionDefinition(Name)]
public sealed class PublishedApiBootstrapCollection : ICollectionFixture<PublishedApiBootstrap>, ICollectionFixture<PublishedBootstrap>
{
    public const string Name = "Published AOT API bootstrap";
}
