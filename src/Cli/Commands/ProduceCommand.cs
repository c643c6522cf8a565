using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using GymCoach.Cli.Produce;
using GymCoach.Cli.Terminal;

namespace GymCoach.Cli.Commands;

/// <summary><c>gymcoach produce</c>: posts a file of events to the HTTP API, as a producer would, with bounded concurrency.</summary>
internal sealed class ProduceCommand : ICommand
{
    private const int MaxBatchWorkouts = 100;

    // Below the API's 1 MiB batch limit, leaving room for the wrapper.
    private const int MaxBatchBytes = 900 * 1024;
    private const int MaxListedLines = 20;

    public string Name => "produce";

    public string Summary => "Post a file of events (NDJSON: CloudEvents or workout JSON, one a line) to the HTTP API";

    public string Usage => "gymcoach produce --api URL --key-file FILE|--key KEY --input FILE.ndjson [--concurrency N]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var reader = new ArgumentReader(args, new HashSet<string>(StringComparer.Ordinal));
        var api = reader.String("api") ?? throw new UsageException("--api is required, e.g. --api http://127.0.0.1:8080");
        var key = await CommandLineApiKey.ReadAsync(reader, "key", cancellationToken)
            ?? throw new UsageException($"--key-file (or --key, or {CommandLineApiKey.EnvironmentVariable}) is required");
        var input = reader.String("input") ?? throw new UsageException("--input is required");
        var concurrency = reader.Int("concurrency", 4, 1, 64);
        reader.EnsureAllUsed();
        if (key.IsInProcessList)
        {
            await System.Console.Error.WriteLineAsync(key.ProcessListWarning("produce"));
        }

        if (!Uri.TryCreate(api.EndsWith('/') ? api : api + "/", UriKind.Absolute, out var baseAddress) || baseAddress.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--api must be an http or https URL, was '{api}'");
        }

        if (!File.Exists(input))
        {
            throw new UsageException($"--input: no such file '{input}'");
        }

        var totalLines = File.ReadLines(input).Count(line => !string.IsNullOrWhiteSpace(line));
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Key);

        var tally = new ProduceTally();
        var clock = Stopwatch.StartNew();
        var progress = ProgressLine.ForStandardError();
        using (var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var run = SendAllAsync(input, client, tally, concurrency, stopping);
            while (await Task.WhenAny(run, Task.Delay(250, CancellationToken.None)) != run)
            {
                progress.Update(ProgressText(tally, totalLines, clock.Elapsed));
            }

            progress.Update(ProgressText(tally, totalLines, clock.Elapsed), force: true);
            progress.Finish();
            await run;
        }

        var rejected = tally.Rejected();
        await System.Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{tally.Accepted} of {totalLines} lines accepted, {rejected.Count} rejected, in {clock.Elapsed.TotalSeconds:F1} s ({tally.Requests} requests)"));
        if (rejected.Count == 0)
        {
            return ExitCodes.Success;
        }

        foreach (var (line, reason) in rejected.Take(MaxListedLines))
        {
            await System.Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"line {line}: {TerminalText.Line(reason)}"));
        }

        var numbers = string.Join(", ", rejected.Take(MaxListedLines).Select(r => r.Line.ToString(CultureInfo.InvariantCulture)));
        throw new CommandFailedException(string.Create(CultureInfo.InvariantCulture,
            $"{rejected.Count} {(rejected.Count == 1 ? "line" : "lines")} rejected: {numbers}{(rejected.Count > MaxListedLines ? ", …" : string.Empty)}"));
    }

    private static async Task SendAllAsync(string input, HttpClient client, ProduceTally tally, int concurrency, CancellationTokenSource stopping)
    {
        var requests = Channel.CreateBounded<ProduceRequest>(new BoundedChannelOptions(concurrency * 2) { SingleWriter = true });
        var sender = new ApiSender(client, tally, Guid.NewGuid().ToString("N")[..8]);
        using var file = new StreamReader(input);
        var reading = new RequestBatcher(MaxBatchWorkouts, MaxBatchBytes, tally).ReadAsync(file, requests.Writer, stopping.Token);
        var senders = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            try
            {
                await foreach (var request in requests.Reader.ReadAllAsync(stopping.Token))
                {
                    await sender.SendAsync(request, stopping.Token);
                }
            }
            catch
            {
                // One sender's fatal error (a refused key) stops the others and the reader.
                await stopping.CancelAsync();
                throw;
            }
        }).ToList();

        try
        {
            await Task.WhenAll(senders);
        }
        catch when (senders.FirstOrDefault(s => s.IsFaulted && s.Exception?.InnerException is not OperationCanceledException) is { } fatal)
        {
            await fatal;
        }

        await reading;
    }

    private static string ProgressText(ProduceTally tally, int total, TimeSpan elapsed)
    {
        const int width = 24;
        var done = tally.Done;
        var fraction = total == 0 ? 1 : Math.Min(1, (double)done / total);
        var filled = (int)(fraction * width);
        var rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('-', width - filled)}] {fraction * 100:F0}% {done}/{total} lines, {tally.RejectedCount} rejected, {rate:F0} lines/s");
    }
}
