using GymCoach.Contracts.Queueing;
using GymCoach.Ingest.Api.Problems;

namespace GymCoach.Ingest.Api.Writes;

/// <summary>A parsed and validated write: its serialized CloudEvents and the 202 body naming them; or the problem with the request.</summary>
internal sealed class PreparedWrite
{
    private readonly string[] _bodies;

    private PreparedWrite(ProblemResult? problem, string[] bodies, byte[] response)
    {
        Problem = problem;
        _bodies = bodies;
        Response = response;
    }

    public ProblemResult? Problem { get; }

    /// <summary>The UTF-8 JSON of the 202 Accepted response.</summary>
    public byte[] Response { get; }

    public int Count => _bodies.Length;

    public static PreparedWrite Fail(ProblemResult problem) => new(problem, [], []);

    public static PreparedWrite Accept(string[] bodies, byte[] response) => new(null, bodies, response);

    /// <summary>The messages to send, each carrying the request's correlation id.</summary>
    public OutgoingMessage[] ToMessages(string correlationId) => EventMessages.Create(_bodies, correlationId);
}
