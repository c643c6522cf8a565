using System.Globalization;
using System.Text;
using System.Text.Json;
using GymCoach.Cli.Backends;
using GymCoach.Cli.Reports;
using GymCoach.Cli.Terminal;
using GymCoach.Contracts.Lambda;
using QueuePair = (string Name, GymCoach.Contracts.Queueing.IMessageQueue Source, GymCoach.Contracts.Queueing.IMessageQueue DeadLetters);

namespace GymCoach.Cli.Commands;

/// <summary><c>gymcoach dlq list|show|redrive</c>: inspect the dead-letter queues and move their messages back.</summary>
internal sealed class DlqCommand : ICommand
{
    private const int MaxLimit = 100_000;
    private static readonly IReadOnlySet<string> FlagNames = new HashSet<string>(StringComparer.Ordinal) { "json", "verbose" };

    public string Name => "dlq";

    public string Summary => "List, show or redrive the dead-letter queues' messages";

    public string Usage =>
        "gymcoach dlq list|show <messageId>|redrive [--queue writes|analytics|all] [--backend embedded|local|aws] [--sqs-endpoint URL] [--max N] [--json]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var reader = new ArgumentReader(args, FlagNames);
        var action = reader.Positionals.Count > 0 ? reader.Positionals[0] : throw new UsageException("say list, show <messageId> or redrive");
        if (action is not ("list" or "show" or "redrive"))
        {
            throw new UsageException($"unknown action '{action}'; say list, show <messageId> or redrive");
        }

        var which = reader.Choice("queue", "all", QueueSet.WritesName, QueueSet.AnalyticsName, "all");
        var backend = BackendOptions.ReadBackend(reader);
        var endpoint = reader.String("sqs-endpoint");
        var max = reader.Int("max", action == "list" ? 100 : 1000, 1, MaxLimit);
        var json = reader.Flag("json");
        var backendOptions = BackendOptions.Read(reader);
        string? messageId = null;
        if (action == "show")
        {
            reader.EnsureAllUsed(positionalCount: 2);
            messageId = reader.Positionals.Count == 2 ? reader.Positionals[1] : throw new UsageException("show needs the message id");
        }
        else
        {
            reader.EnsureAllUsed(positionalCount: 1);
        }

        var access = action == "redrive" ? StateAccess.Write : StateAccess.ReadOnly;
        await using var set = await QueueSetOpener.OpenAsync(backend, endpoint, backendOptions.StateDirectory, access, "gymcoach dlq " + action, cancellationToken);
        var queues = set.Select(which);
        if (action != "redrive")
        {
            return action == "list"
                ? await ListAsync(queues, max, json, cancellationToken)
                : await ShowAsync(queues, messageId!, max, cancellationToken);
        }

        return await RedriveAsync(queues, max, json, cancellationToken);
    }

    private static async Task<int> ListAsync(IReadOnlyList<QueuePair> queues, int max, bool json, CancellationToken cancellationToken)
    {
        var found = new List<(string Label, string Name, IReadOnlyList<SqsMessage> Messages)>();
        foreach (var (label, _, deadLetters) in queues)
        {
            found.Add((label, deadLetters.Name, await DeadLetterPeek.PeekAsync(deadLetters, max, DeadLetterPeek.DefaultWait, cancellationToken)));
        }

        if (!json)
        {
            await Console.Out.WriteAsync(string.Join("\n", found.Select(f => DeadLetterListing.RenderTable(f.Name, f.Messages, max))));
            return ExitCodes.Success;
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (var (label, name, messages) in found)
            {
                DeadLetterListing.WriteJson(writer, label, name, messages);
            }

            writer.WriteEndArray();
        }

        await Console.Out.WriteLineAsync(Encoding.UTF8.GetString(stream.ToArray()));
        return ExitCodes.Success;
    }

    private static async Task<int> ShowAsync(IReadOnlyList<QueuePair> queues, string messageId, int max, CancellationToken cancellationToken)
    {
        var searched = 0;
        foreach (var (_, _, deadLetters) in queues)
        {
            var messages = await DeadLetterPeek.PeekAsync(deadLetters, max, DeadLetterPeek.DefaultWait, cancellationToken, m => m.MessageId == messageId);
            searched += messages.Count;
            if (messages.FirstOrDefault(m => m.MessageId == messageId) is { } message)
            {
                await Console.Out.WriteAsync(DeadLetterListing.RenderMessage(deadLetters.Name, message));
                return ExitCodes.Success;
            }
        }

        throw new CommandFailedException(
            $"no message '{messageId}' among the {searched} messages of {string.Join(" and ", queues.Select(q => q.DeadLetters.Name))} (looked at up to {max} per queue; raise --max)");
    }

    private static async Task<int> RedriveAsync(IReadOnlyList<QueuePair> queues, int max, bool json, CancellationToken cancellationToken)
    {
        var results = new List<RedriveResult>();
        foreach (var (_, source, deadLetters) in queues)
        {
            var result = await DeadLetterRedriver.RedriveAsync(deadLetters, source, max, DeadLetterPeek.DefaultWait, cancellationToken);
            results.Add(result);
            if (!json)
            {
                await Console.Out.WriteLineAsync(Describe(result));
            }
        }

        if (json)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartArray();
                foreach (var r in results)
                {
                    writer.WriteStartObject();
                    writer.WriteString("deadLetterQueue", r.DeadLetterQueue);
                    writer.WriteString("sourceQueue", r.SourceQueue);
                    writer.WriteNumber("received", r.Received);
                    writer.WriteNumber("moved", r.Moved);
                    writer.WriteNumber("sendFailed", r.SendFailed);
                    writer.WriteNumber("deleteFailed", r.DeleteFailed);
                    writer.WriteStartArray("errors");
                    foreach (var error in r.Errors)
                    {
                        writer.WriteStringValue(error);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            await Console.Out.WriteLineAsync(Encoding.UTF8.GetString(stream.ToArray()));
        }

        return results.All(r => r.Complete) ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static string Describe(RedriveResult r)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{r.DeadLetterQueue} -> {r.SourceQueue}: moved {r.Moved} of {r.Received}");
        if (r.SendFailed > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"; {r.SendFailed} not accepted by {r.SourceQueue}, left in {r.DeadLetterQueue} ({TerminalText.Line(string.Join("; ", r.Errors))})");
        }

        if (r.DeleteFailed > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"; {r.DeleteFailed} sent but not deleted from {r.DeadLetterQueue} (they will be redriven again; handlers are idempotent)");
        }

        return text.ToString();
    }
}
