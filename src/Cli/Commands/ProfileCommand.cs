using System.Text.Json;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Caching;
using GymCoach.Workers.ReadSide;

namespace GymCoach.Cli.Commands;

/// <summary><c>gymcoach profile</c>: prints a user's stored profile, the document <c>GET /v1/users/{userId}/profile</c> serves.</summary>
internal sealed class ProfileCommand : ICommand
{
    // A separate options instance so that pretty-printing for people never changes what the API serves.
    private static readonly ReadSideJsonContext Indented = new(new JsonSerializerOptions(ReadSideJsonContext.Default.Options) { WriteIndented = true });

    public string Name => "profile";

    public string Summary => "Print a user's stored profile as JSON";

    public string Usage => "gymcoach profile <userId> [--backend embedded|local|aws] [--state DIR]";

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        UserDocumentCommand.RunAsync(args, Name, ReadAsync, "unknown user, or none of their profile updates processed yet", cancellationToken);

    private static async Task<string?> ReadAsync(IItemStore store, string userId, CancellationToken cancellationToken)
    {
        if (await new ProfileReader(store, new ProfileCache(new CacheOptions())).GetJsonAsync(userId, cancellationToken) is not { } json)
        {
            return null;
        }

        var profile = JsonSerializer.Deserialize(json.Json.Span, ReadSideJsonContext.Default.ProfileDocument)!;
        return JsonSerializer.Serialize(profile, Indented.ProfileDocument);
    }
}
