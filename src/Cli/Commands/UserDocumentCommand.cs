using GymCoach.Cli.Backends;
using GymCoach.Cli.Terminal;
using GymCoach.Contracts.Storage;

namespace GymCoach.Cli.Commands;

/// <summary>
/// What <c>gymcoach analytics</c> and <c>gymcoach profile</c> share: a user id and a backend, read-only, one stored
/// document printed as indented JSON, or one line saying why there is none.
/// </summary>
internal static class UserDocumentCommand
{
    /// <param name="command">The command's name, in messages and in the state folder's reader list.</param>
    /// <param name="readIndentedJson">Reads the user's document from the store as indented JSON; null when there is none.</param>
    /// <param name="missing">Why there is no document, after <c>no … for user 'id': </c>.</param>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        string command,
        Func<IItemStore, string, CancellationToken, Task<string?>> readIndentedJson,
        string missing,
        CancellationToken cancellationToken)
    {
        var reader = new ArgumentReader(args, BackendOptions.Flags);
        var backendName = BackendOptions.ReadBackend(reader);
        var backendOptions = BackendOptions.Read(reader);
        reader.EnsureAllUsed(positionalCount: 1);
        var userId = reader.Positionals.Count == 1 ? reader.Positionals[0] : throw new UsageException("the user id is required");

        await using var backend = await BackendFactory.OpenAsync(backendName, backendOptions, StateAccess.ReadOnly, "gymcoach " + command, cancellationToken);
        var json = await readIndentedJson(backend.Store, userId, cancellationToken)
            ?? throw new CommandFailedException($"no {command} for user '{userId}': {missing}");

        // The JSON encoder already escapes control characters; going through TerminalText keeps that true if it ever changes.
        System.Console.Out.WriteLine(TerminalText.Lines(json));
        return ExitCodes.Success;
    }
}
