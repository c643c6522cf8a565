using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace GymCoach.Lambda.Tests.Support;

/// <summary>
/// The Lambda runtime API over real HTTP on a free 127.0.0.1 port: hands out queued events on
/// <c>/invocation/next</c> (holding the request until one is queued) and records what is posted back.
/// </summary>
internal sealed class FakeRuntimeApi : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime/";
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);

    private readonly HttpListener _listener;
    private readonly Channel<QueuedInvocation> _invocations = Channel.CreateUnbounded<QueuedInvocation>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<RuntimePost>> _results = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<RuntimePost> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<RuntimePost> _posts = new();
    private readonly ConcurrentBag<Task> _handlers = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _serving;
    private int _nextRequests;

    private FakeRuntimeApi(HttpListener listener, int port)
    {
        _listener = listener;
        Address = "127.0.0.1:" + port;
        _serving = ServeAsync();
    }

    /// <summary>The <c>host:port</c> to give the runtime as <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address { get; }

    /// <summary>The status <c>/invocation/next</c> answers with instead of an event; null serves events.</summary>
    public HttpStatusCode? NextFailure { get; set; }

    /// <summary>Send events with chunked transfer encoding, without a Content-Length.</summary>
    public bool ChunkedEvents { get; set; }

    /// <summary>How many next-invocation requests arrived.</summary>
    public int NextRequests => Volatile.Read(ref _nextRequests);

    public IReadOnlyCollection<RuntimePost> Posts => _posts;

    public static FakeRuntimeApi Start()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new FakeRuntimeApi(listener, port);
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
    }

    /// <summary>Queues an event; returns its request id.</summary>
    /// <param name="deadline">Default: 60 s from now.</param>
    public string Enqueue(string eventJson, DateTimeOffset? deadline = null, string? traceId = null, string? functionArn = null) =>
        Enqueue(Encoding.UTF8.GetBytes(eventJson), deadline, traceId, functionArn);

    public string Enqueue(byte[] eventBody, DateTimeOffset? deadline = null, string? traceId = null, string? functionArn = null)
    {
        var requestId = Guid.NewGuid().ToString();
        _results[requestId] = new TaskCompletionSource<RuntimePost>(TaskCreationOptions.RunContinuationsAsynchronously);
        var invocation = new QueuedInvocation(
            requestId,
            eventBody,
            (deadline ?? DateTimeOffset.UtcNow.AddSeconds(60)).ToUnixTimeMilliseconds(),
            traceId,
            functionArn ?? "arn:aws:lambda:us-east-1:000000000000:function:gymcoach-writes");
        Assert.True(_invocations.Writer.TryWrite(invocation));
        return requestId;
    }

    /// <summary>The response or error posted for <paramref name="requestId"/>.</summary>
    public async Task<RuntimePost> WaitForResultAsync(string requestId, TimeSpan? timeout = null)
    {
        var result = _results[requestId].Task;
        var wait = timeout ?? DefaultWait;
        return await result.WaitAsync(wait).ConfigureAwait(false);
    }

    public Task<RuntimePost> WaitForInitErrorAsync(TimeSpan? timeout = null) => _initError.Task.WaitAsync(timeout ?? DefaultWait);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Close();
        await _serving;
        foreach (var handler in _handlers)
        {
            await handler;
        }

        _stopping.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _handlers.Add(HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var path = context.Request.Url!.AbsolutePath;
            if (context.Request.HttpMethod == "GET" && path == Prefix + "invocation/next")
            {
                await ServeNextAsync(response);
                return;
            }

            if (context.Request.HttpMethod == "POST" && Record(context.Request, path))
            {
                response.StatusCode = (int)HttpStatusCode.Accepted;
            }
            else
            {
                response.StatusCode = (int)HttpStatusCode.NotFound;
            }

            response.Close();
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or ObjectDisposedException or IOException)
        {
            response.Abort();
        }
    }

    private async Task ServeNextAsync(HttpListenerResponse response)
    {
        Interlocked.Increment(ref _nextRequests);
        if (NextFailure is { } failure)
        {
            response.StatusCode = (int)failure;
            response.Close();
            return;
        }

        var invocation = await _invocations.Reader.ReadAsync(_stopping.Token);
        response.StatusCode = (int)HttpStatusCode.OK;
        response.ContentType = "application/json";
        response.Headers.Add("Lambda-Runtime-Aws-Request-Id", invocation.RequestId);
        response.Headers.Add("Lambda-Runtime-Deadline-Ms", invocation.DeadlineMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("Lambda-Runtime-Invoked-Function-Arn", invocation.FunctionArn);
        if (invocation.TraceId is not null)
        {
            response.Headers.Add("Lambda-Runtime-Trace-Id", invocation.TraceId);
        }

        if (ChunkedEvents)
        {
            response.SendChunked = true;
        }
        else
        {
            response.ContentLength64 = invocation.Body.Length;
        }

        await response.OutputStream.WriteAsync(invocation.Body, _stopping.Token);
        response.Close();
    }

    private bool Record(HttpListenerRequest request, string path)
    {
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = reader.ReadToEnd();
        var errorType = request.Headers["Lambda-Runtime-Function-Error-Type"];
        var now = Stopwatch.GetTimestamp();
        if (path == Prefix + "init/error")
        {
            var post = new RuntimePost(RuntimePostKind.InitError, null, body, errorType, now);
            _posts.Enqueue(post);
            _initError.TrySetResult(post);
            return true;
        }

        var invocationPath = path.StartsWith(Prefix + "invocation/", StringComparison.Ordinal) ? path[(Prefix.Length + "invocation/".Length)..] : null;
        var slash = invocationPath?.LastIndexOf('/') ?? -1;
        if (invocationPath is null || slash <= 0)
        {
            return false;
        }

        var requestId = Uri.UnescapeDataString(invocationPath[..slash]);
        RuntimePostKind? kind = invocationPath[(slash + 1)..] switch
        {
            "response" => RuntimePostKind.Response,
            "error" => RuntimePostKind.Error,
            _ => null,
        };
        if (kind is null || !_results.TryGetValue(requestId, out var result))
        {
            return false;
        }

        var recorded = new RuntimePost(kind.Value, requestId, body, errorType, now);
        _posts.Enqueue(recorded);
        result.TrySetResult(recorded);
        return true;
    }

    private sealed record QueuedInvocation(string RequestId, byte[] Body, long DeadlineMs, string? TraceId, string FunctionArn);
}
