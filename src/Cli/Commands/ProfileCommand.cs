using System.Text.Json;
using GymCoach.Cli.Backends;
using GymCoach.Cli.Terminal;
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

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var reader = new ArgumentReader(args, BackendOptions.Flags);
        var backendName = BackendOptions.ReadBackend(reader);
        var backendOptions = BackendOptions.Read(reader);
        reader.EnsureAllUsed(positionalCount: 1);
        var userId = reader.Positionals.Count == 1 ? reader.Positionals[0] : throw new UsageException("the user id is required");

        await using var backend = await BackendFactory.OpenAsync(backendName, backendOptions, StateAccess.ReadOnly, "gymcoach profile", cancellationToken);
        var profileReader = new ProfileReader(backend.Store, new ProfileCache(new CacheOptions()));
        var json = await profileReader.GetJsonAsync(userId, cancellationToken)
            ?? throw new CommandFailedException($"no profile for user '{userId}': unknown user, or none of their profile updates processed yet");
        var profile = JsonSerializer.Deserialize(json.Json.Span, ReadSideJsonContext.Default.ProfileDocument)!;

        // The JSON encoder already escapes control characters; going through TerminalText keeps that true if it ever changes.
        System.Console.Out.WriteLine(TerminalText.Lines(JsonSerializer.Serialize(profile, Indented.ProfileDocument)));
        return ExitCodes.Success;
    }
}
