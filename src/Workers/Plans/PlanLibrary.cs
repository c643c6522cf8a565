using System.Globalization;
using System.Text.Json;
using GymCoach.Contracts.Validation;
using GymCoach.Workers.Analytics;

namespace GymCoach.Workers.Plans;

/// <summary>The built-in workout plan templates: the JSON files under <c>Plans/Programmes</c>, embedded in this assembly.</summary>
/// <remarks>
/// Each file is <c>&lt;id&gt;.v&lt;version&gt;.json</c>. The files are read and checked once, on first use: a plan that names an
/// exercise missing from the <see cref="ExerciseLibrary"/>, or breaks another rule of <see cref="Problems"/>, fails the load
/// (and the tests), so a served plan never points at an exercise clients cannot look up.
/// </remarks>
public static class PlanLibrary
{
    /// <summary>The logical name prefix of the embedded plan files (see the project file).</summary>
    internal const string ResourcePrefix = "plans/";

    private static readonly string[] Levels = ["beginner", "intermediate", "advanced"];

    private static readonly Lazy<IReadOnlyList<WorkoutPlan>> Loaded = new(Load);

    /// <summary>Every plan, ordered by id.</summary>
    /// <exception cref="InvalidDataException">A plan file is not valid; the message lists every problem.</exception>
    public static IReadOnlyList<WorkoutPlan> All => Loaded.Value;

    /// <summary>Every rule the plans break, each naming the file and field; empty when they are all valid.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<(string File, WorkoutPlan Plan)> plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var problems = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, plan) in plans)
        {
            if (EventValidator.ValidateId("id", plan.Id) is { Count: > 0 })
            {
                problems.Add($"{file}: id '{plan.Id}' is not a valid id.");
            }
            else if (!ids.Add(plan.Id))
            {
                problems.Add($"{file}: id '{plan.Id}' is used by another plan.");
            }

            var expectedFile = string.Create(CultureInfo.InvariantCulture, $"{plan.Id}.v{plan.Version}.json");
            if (plan.Version < 1 || !string.Equals(file, expectedFile, StringComparison.Ordinal))
            {
                problems.Add($"{file}: a plan of id '{plan.Id}' and version {plan.Version} belongs in {expectedFile} (versions start at 1).");
            }

            if (!Levels.Contains(plan.Level, StringComparer.Ordinal))
            {
                problems.Add($"{file}: level '{plan.Level}' is not one of {string.Join(", ", Levels)}.");
            }

            if (plan.DaysPerWeek is < 1 or > 7)
            {
                problems.Add($"{file}: daysPerWeek must be 1–7.");
            }

            if (plan.Sessions.Count == 0)
            {
                problems.Add($"{file}: sessions must not be empty.");
            }

            for (var s = 0; s < plan.Sessions.Count; s++)
            {
                var session = plan.Sessions[s];
                if (session.Exercises.Count == 0)
                {
                    problems.Add(Format($"{file}: sessions[{s}].exercises must not be empty."));
                }

                for (var e = 0; e < session.Exercises.Count; e++)
                {
                    var exercise = session.Exercises[e];
                    var at = Format($"{file}: sessions[{s}].exercises[{e}]");
                    if (!ExerciseLibrary.TryGet(exercise.ExerciseId, out _))
                    {
                        problems.Add($"{at}.exerciseId '{exercise.ExerciseId}' is not in the exercise library.");
                    }

                    if (exercise.Sets < 1)
                    {
                        problems.Add($"{at}.sets must be at least 1.");
                    }

                    if (string.IsNullOrWhiteSpace(exercise.Reps))
                    {
                        problems.Add($"{at}.reps must not be empty.");
                    }
                }
            }
        }

        return problems;
    }

    /// <summary>Reads every embedded plan file, by file name.</summary>
    /// <exception cref="InvalidDataException">A file is not a plan document.</exception>
    internal static List<(string File, WorkoutPlan Plan)> ReadFiles()
    {
        var assembly = typeof(PlanLibrary).Assembly;
        var files = new List<(string, WorkoutPlan)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(static n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var file = name[ResourcePrefix.Length..];
            using var stream = assembly.GetManifestResourceStream(name)!;
            try
            {
                var plan = JsonSerializer.Deserialize(stream, PlanJsonContext.Default.WorkoutPlan)
                    ?? throw new InvalidDataException($"{file}: the document is null.");
                files.Add((file, plan));
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{file} is not a plan document: {ex.Message}", ex);
            }
        }

        return files;
    }

    private static IReadOnlyList<WorkoutPlan> Load()
    {
        var files = ReadFiles();
        if (Problems(files) is { Count: > 0 } problems)
        {
            throw new InvalidDataException("Invalid plan files: " + string.Join(" ", problems));
        }

        return [.. files.Select(static f => f.Plan).OrderBy(static p => p.Id, StringComparer.Ordinal)];
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
