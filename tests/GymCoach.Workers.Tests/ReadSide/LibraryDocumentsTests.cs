using System.Text.Json;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Caching;
using GymCoach.Workers.Plans;
using GymCoach.Workers.ReadSide;

namespace GymCoach.Workers.Tests.ReadSide;

public sealed class LibraryDocumentsTests
{
    [Fact]
    public void TheExerciseDocument_ListsEveryLibraryExercise_WithKebabCaseClassification()
    {
        var document = JsonSerializer.Deserialize(LibraryDocuments.ExerciseLibraryJson.Json.Span, ReadSideJsonContext.Default.ExerciseLibraryDocument)!;

        Assert.Equal(ExerciseLibrary.All.Select(e => e.Id), document.Exercises.Select(e => e.Id));
        var swing = Assert.Single(document.Exercises, e => e.Id == "kettlebell-swing");
        Assert.Equal(("Kettlebell Swing", "full-body", "kettlebell"), (swing.Name, swing.MuscleGroup, swing.Equipment));
    }

    [Fact]
    public void ThePlanDocument_IsEveryPlan_AndItsETagIsThatOfItsBytes()
    {
        var json = LibraryDocuments.PlanLibraryJson;

        var document = JsonSerializer.Deserialize(json.Json.Span, PlanJsonContext.Default.PlanLibraryDocument)!;

        Assert.Equal(PlanLibrary.All.Select(p => (p.Id, p.Version)), document.Plans.Select(p => (p.Id, p.Version)));
        Assert.Equal(CachedJson.EntityTagOf(json.Json.Span), json.ETag);
        Assert.Same(json, LibraryDocuments.PlanLibraryJson);
    }
}
