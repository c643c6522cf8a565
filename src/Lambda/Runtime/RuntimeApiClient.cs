using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GymCoach.Workers.Functions;

namespace GymCoach.Lambda.Runtime;

/// <summary>The HTTP client of the Lambda runtime API (version 2018-06-01): next invocation, response, error, init error.</summary>
/// <remarks>
/// One instance serves one invocation at a time, as Lambda hands them out: the event of
/// <see cref="GetNextInvocationAsync"/> lives in a buffer reused by the next call. The <see cref="HttpClient"/> must
/// not time out, since the next-invocation request waits for as long as the environment is frozen.
/// </remarks>
public sealed class RuntimeApiClient
{
    public const string RequestIdHeader = "Lambda-Runtime-Aws-Request-Id";
    public const string DeadlineHeader = "Lambda-Runtime-Deadline-Ms";
    public const string FunctionArnHeader = "Lambda-Runtime-Invoked-Function-Arn";
    public const string TraceIdHeader = "Lambda-Runtime-Trace-Id";
    public const string FunctionErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";

    /// <summary>Starting size of the event buffer; it grows to the largest event seen and is then kept.</summary>
    private const int InitialBufferSize = 64 * 1024;

    private readonly HttpClient _httpClient;
    private readonly Uri _nextUri;
    private readonly Uri _initErrorUri;
    private readonly string _invocationPrefix;
    private byte[] _buffer = new byte[InitialBufferSize];

    /// <param name="runtimeApi">The runtime API's <c>host:port</c>, as in <c>AWS_LAMBDA_RUNTIME_API</c>.</param>
    /// <param name="httpClient">Used for every call; <see cref="CreateHttpClient"/> makes a suitable one.</param>
    /// <exception cref="ArgumentException"><paramref name="runtimeApi"/> is not a <c>host:port</c>.</exception>
    public RuntimeApiClient(string runtimeApi, HttpClient httpClient)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runtimeApi);
        ArgumentNullException.ThrowIfNull(httpClient);
        if (!Uri.TryCreate("http://" + runtimeApi + "/2018-06-01/runtime/", UriKind.Absolute, out var baseUri)
            || baseUri.PathAndQuery != "/2018-06-01/runtime/")
        {
            throw new ArgumentException($"The runtime API address '{runtimeApi}' is not a host:port.", nameof(runtimeApi));
        }

        _httpClient = httpClient;
        _nextUri = new Uri(baseUri, "invocation/next");
        _initErrorUri = new Uri(baseUri, "init/error");
        _invocationPrefix = baseUri.AbsoluteUri + "invocation/";
    }

    /// <summary>One client for the process: no proxy, no timeout, one kept-alive connection to the local runtime API.</summary>
    public static HttpClient CreateHttpClient()
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            ActivityHeadersPropagator = null,
        };
        return new HttpClient(handler, disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    /// <summary>Waits, without a timeout, for the next invocation.</summary>
    /// <exception cref="RuntimeApiException">The runtime API failed or sent no request id.</exception>
    public async Task<RuntimeInvocation> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _nextUri);
        using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new RuntimeApiException(
                $"The runtime API answered the next-invocation request with {(int)response.StatusCode}.",
                response.StatusCode);
        }

        var headers = response.Headers.NonValidated;
        var requestId = Header(headers, RequestIdHeader)
            ?? throw new RuntimeApiException($"The runtime API sent an invocation without {RequestIdHeader}.");
        var context = new InvocationContext(
            requestId,
            ParseDeadline(Header(headers, DeadlineHeader)),
            Header(headers, FunctionArnHeader),
            Header(headers, TraceIdHeader));
        var length = await ReadBodyAsync(response.Content, cancellationToken);
        return new RuntimeInvocation(context, _buffer.AsMemory(0, length));
    }

    /// <summary>Posts the function's result of invocation <paramref name="requestId"/>.</summary>
    public Task PostResponseAsync(string requestId, ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken) =>
        PostAsync(InvocationUri(requestId, "/response"), utf8Json, null, cancellationToken);

    /// <summary>Posts the error of invocation <paramref name="requestId"/>: Lambda counts the invocation as failed.</summary>
    public Task PostErrorAsync(string requestId, RuntimeError error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        return PostAsync(InvocationUri(requestId, "/error"), Serialize(error), error.FunctionErrorType, cancellationToken);
    }

    /// <summary>Reports that initialization failed; the runtime should exit afterwards.</summary>
    public Task PostInitErrorAsync(RuntimeError error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        return PostAsync(_initErrorUri, Serialize(error), error.FunctionErrorType, cancellationToken);
    }

    /// <summary>A missing or unreadable deadline means none; the batch processor then starts every message.</summary>
    internal static DateTimeOffset ParseDeadline(string? milliseconds) =>
        long.TryParse(milliseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
        && value <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            ? DateTimeOffset.FromUnixTimeMilliseconds(value)
            : DateTimeOffset.MaxValue;

    private static string? Header(HttpHeadersNonValidated headers, string name) =>
        headers.TryGetValues(name, out var values) && values.Count > 0 ? values.ToString() : null;

    private static byte[] Serialize(RuntimeError error) =>
        JsonSerializer.SerializeToUtf8Bytes(error, RuntimeJsonContext.Default.RuntimeError);

    private Uri InvocationUri(string requestId, string action)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        return new Uri(_invocationPrefix + Uri.EscapeDataString(requestId) + action);
    }

    private async Task PostAsync(Uri uri, ReadOnlyMemory<byte> body, string? functionErrorType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ReadOnlyMemoryContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        if (functionErrorType is not null)
        {
            request.Headers.TryAddWithoutValidation(FunctionErrorTypeHeader, functionErrorType);
        }

        using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new RuntimeApiException(
                $"The runtime API answered POST {uri.AbsolutePath} with {(int)response.StatusCode}.",
                response.StatusCode);
        }
    }

    /// <summary>Reads the body into the reused buffer, growing it when an event is larger than any before.</summary>
    private async Task<int> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        if (content.Headers.ContentLength is { } declared && declared <= Array.MaxLength)
        {
            var size = (int)declared;
            if (size > _buffer.Length)
            {
                _buffer = new byte[size];
            }

            await stream.ReadExactlyAsync(_buffer.AsMemory(0, size), cancellationToken);
            return size;
        }

        var length = 0;
        int read;
        while ((read = await stream.ReadAsync(_buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
            if (length == _buffer.Length)
            {
                Array.Resize(ref _buffer, checked(_buffer.Length * 2));
            }
        }

        return length;
    }
}
