using System.Xml.Linq;
using GymCoach.TestSupport;

namespace GymCoach.Cli.Tests.Architecture;

/// <summary>
/// The dependency rule of the layout: contracts ← core ← adapters, engine, runtime client and API ← worker composition
/// ← hosts. Read from the project files, so a reference that breaks the rule fails here before it spreads.
/// </summary>
public sealed class DependencyRuleTests
{
    // Each product project and the projects it may reference (directly; the rule is checked edge by edge).
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["GymCoach.Contracts"] = [],
        ["GymCoach.Workers"] = ["GymCoach.Contracts"],
        ["GymCoach.Aws"] = ["GymCoach.Contracts", "GymCoach.Workers"],
        ["GymCoach.Embedded"] = ["GymCoach.Contracts", "GymCoach.Workers"],
        ["GymCoach.Lambda.Runtime"] = ["GymCoach.Contracts", "GymCoach.Workers"],
        ["GymCoach.Ingest"] = ["GymCoach.Contracts", "GymCoach.Workers"],
        ["GymCoach.Hosting"] = ["GymCoach.Contracts", "GymCoach.Workers", "GymCoach.Aws"],
        ["GymCoach.Producer"] = ["GymCoach.Contracts", "GymCoach.Workers", "GymCoach.Aws"],
        ["GymCoach.Lambda"] = ["GymCoach.Contracts", "GymCoach.Workers", "GymCoach.Aws", "GymCoach.Embedded", "GymCoach.Lambda.Runtime", "GymCoach.Hosting"],
        ["GymCoach.Ingest.Lambda"] = ["GymCoach.Contracts", "GymCoach.Workers", "GymCoach.Aws", "GymCoach.Embedded", "GymCoach.Lambda.Runtime", "GymCoach.Ingest"],
        ["gymcoach"] = ["GymCoach.Contracts", "GymCoach.Workers", "GymCoach.Aws", "GymCoach.Embedded", "GymCoach.Ingest", "GymCoach.Hosting"],
    };

    // Packages that belong to one layer only: the core and the contracts know no AWS SDK and no storage engine.
    private static readonly Dictionary<string, string[]> ForbiddenPackages = new(StringComparer.Ordinal)
    {
        ["GymCoach.Contracts"] = ["AWSSDK.", "Microsoft.Data.Sqlite", "Microsoft.AspNetCore"],
        ["GymCoach.Workers"] = ["AWSSDK.", "Microsoft.Data.Sqlite", "Microsoft.AspNetCore"],
        ["GymCoach.Embedded"] = ["AWSSDK."],
        ["GymCoach.Lambda.Runtime"] = ["AWSSDK."],
        ["GymCoach.Ingest"] = ["AWSSDK."],
    };

    public static TheoryData<string> ProductProjects() => new(Allowed.Keys);

    [Fact]
    public void EveryProductProject_HasARule()
    {
        var found = ProjectFiles().Select(ProjectName).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(Allowed.Keys.Order(StringComparer.Ordinal), found);
    }

    [Theory]
    [MemberData(nameof(ProductProjects))]
    public void Project_ReferencesOnlyTheLayersBelowIt(string project)
    {
        var path = ProjectFiles().Single(file => ProjectName(file) == project);

        var referenced = Elements(path, "ProjectReference")
            .Select(include => ProjectName(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, include.Replace('\\', '/')))))
            .ToArray();

        Assert.All(referenced, reference => Assert.Contains(reference, Allowed[project]));
    }

    [Theory]
    [MemberData(nameof(ProductProjects))]
    public void Project_UsesNoPackageOfAnotherLayer(string project)
    {
        var path = ProjectFiles().Single(file => ProjectName(file) == project);
        var forbidden = ForbiddenPackages.GetValueOrDefault(project, []);

        var packages = Elements(path, "PackageReference").ToArray();

        Assert.DoesNotContain(packages, package => forbidden.Any(prefix => package.StartsWith(prefix, StringComparison.Ordinal)));
    }

    [Fact]
    public void CoreAssembly_ReferencesNoAwsSdk()
    {
        var references = typeof(Workers.Batching.BatchProcessor).Assembly.GetReferencedAssemblies().Select(name => name.Name!);

        Assert.DoesNotContain(references, name => name.StartsWith("AWSSDK", StringComparison.Ordinal) || name.StartsWith("GymCoach.", StringComparison.Ordinal) && name != "GymCoach.Contracts");
    }

    private static IEnumerable<string> ProjectFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    // The assembly name: an AssemblyName property does not rename the project (GymCoach.Lambda publishes "bootstrap").
    private static string ProjectName(string path) => Path.GetFileNameWithoutExtension(path);

    private static IEnumerable<string> Elements(string path, string name) =>
        XDocument.Load(path).Descendants(name).Select(element => (string?)element.Attribute("Include")).OfType<string>();
}
