namespace GymCoach.Ingest.Api.Security;

/// <summary>The producer a request authenticated as: its key's name and permissions, never the key.</summary>
internal sealed class ApiCaller(string name, ApiOperation operations)
{
    public string Name { get; } = name;

    /// <summary>The CloudEvents <c>source</c> of the events this producer posts.</summary>
    public string EventSource { get; } = "gymcoach/ingest/" + name;

    public bool May(ApiOperation operation) => (operations & operation) == operation;
}
