using System.Text;

namespace GymCoach.Cli.Produce;

/// <summary>One POST: a batch of workout lines to <c>/v1/workouts:batch</c>, or one line to its endpoint.</summary>
internal sealed record ProduceRequest(string Path, IReadOnlyList<ProduceLine> Lines, bool IsBatch)
{
    public static ProduceRequest Single(ProduceLine line) => line.Kind switch
    {
        LineKind.Workout => new ProduceRequest("v1/workouts", [line], false),
        LineKind.Profile => new ProduceRequest("v1/profiles", [line], false),
        _ => new ProduceRequest("v1/analytics/recompute", [line], false),
    };

    public static ProduceRequest Batch(IReadOnlyList<ProduceLine> lines) => new("v1/workouts:batch", lines, true);

    public string Body()
    {
        if (!IsBatch)
        {
            return Lines[0].Json;
        }

        var body = new StringBuilder("{\"workouts\":[");
        for (var i = 0; i < Lines.Count; i++)
        {
            body.Append(i == 0 ? string.Empty : ",").Append(Lines[i].Json);
        }

        return body.Append("]}").ToString();
    }
}
