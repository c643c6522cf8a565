using System.Text;
using System.Text.Json;
using GymCoach.Ingest.Lambda.Events;
using GymCoach.Ingest.Lambda.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GymCoach.Lambda.Tests.Server;

/// <summary>The adapter between payload format 2.0 events and the ASP.NET Core pipeline, in process on the JIT: an echo application shows what the request looked like to it.</summary>
public sealed class FunctionUrlServerTests : IAsyncLifetime, IDisposable
{
    private readonly FunctionUrlServer _server = new();
    private WebApplication? _app;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IServer>(_server);
        _app = builder.Build();
        _app.Run(EchoAsync);
        await _app.StartAsync();
    }

    public async Task DisposeAsync() => await _app!.DisposeAsync();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Request_CarriesMethodPathQueryHeadersCookiesAndClientAddress()
    {
        var response = await _server.HandleAsync(Event(
            "post",
            "/v1/users/a%20b/x%2Fy",
            "q=1&q=2&r=%C3%A9",
            new Dictionary<string, string> { ["accept"] = "text/plain,application/json", ["x-custom"] = "one" },
            cookies: ["session=abc", "theme=dark"],
            body: "hello"), "invocation-1", CancellationToken.None);

        var echo = JsonDocument.Parse(response.Body).RootElement;
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("POST", echo.GetProperty("method").GetString());
        Assert.Equal("/v1/users/a b/x%2Fy", echo.GetProperty("path").GetString());
        Assert.Equal("?q=1&q=2&r=%C3%A9", echo.GetProperty("query").GetString());
        Assert.Equal("1,2", echo.GetProperty("q").GetString());
        Assert.Equal("text/plain,application/json", echo.GetProperty("accept").GetString());
        Assert.Equal("abc", echo.GetProperty("session").GetString());
        Assert.Equal("dark", echo.GetProperty("theme").GetString());
        Assert.Equal("203.0.113.9", echo.GetProperty("remote").GetString());
        Assert.Equal("https", echo.GetProperty("scheme").GetString());
        Assert.Equal("fn.lambda-url.eu-west-1.on.aws", echo.GetProperty("host").GetString());
        Assert.Equal("hello", echo.GetProperty("body").GetString());
        Assert.Equal(5, echo.GetProperty("contentLength").GetInt64());
    }

    [Fact]
    public async Task Base64Body_ReachesTheApplicationAsItsBytes()
    {
        byte[] bytes = [0, 1, 2, 0xFF, 0xFE];

        var response = await _server.HandleAsync(
            Event("POST", "/binary", null, new Dictionary<string, string>(), body: Convert.ToBase64String(bytes), base64: true),
            "invocation-2",
            CancellationToken.None);

        Assert.True(response.IsBase64Encoded);
        Assert.Equal("application/octet-stream", response.Headers["Content-Type"]);
        Assert.Equal(bytes.Reverse().ToArray(), Convert.FromBase64String(response.Body));
    }

    [Fact]
    public async Task Response_MapsStatus_JoinsRepeatedHeaders_AndMovesSetCookieToCookies()
    {
        var response = await _server.HandleAsync(Event("GET", "/cookies", null, new Dictionary<string, string>()), "invocation-3", CancellationToken.None);

        Assert.Equal(201, response.StatusCode);
        Assert.Equal("a,b", response.Headers["X-Repeated"]);
        Assert.Equal("started", response.Headers["X-On-Starting"]);
        Assert.False(response.Headers.ContainsKey("Set-Cookie"));
        Assert.Equal(["one=1; path=/", "two=2; expires=Thu, 01 Jan 2099 00:00:00 GMT; path=/"], response.Cookies);
        Assert.False(response.IsBase64Encoded);
        Assert.Equal("created", response.Body);
    }

    [Fact]
    public async Task ExceptionEscapingThePipeline_IsAnEmpty500_AsKestrelAnswers()
    {
        var response = await _server.HandleAsync(Event("GET", "/throw", null, new Dictionary<string, string>()), "invocation-4", CancellationToken.None);

        Assert.Equal(500, response.StatusCode);
        Assert.Equal(string.Empty, response.Body);
        Assert.False(response.Headers.ContainsKey("X-Partial"));
    }

    [Fact]
    public async Task BodyMarkedBase64ThatIsNot_IsAFormatException()
    {
        await Assert.ThrowsAsync<FormatException>(() => _server.HandleAsync(
            Event("POST", "/", null, new Dictionary<string, string>(), body: "not base64!", base64: true), "invocation-5", CancellationToken.None));
    }

    [Theory]
    [InlineData("application/json; charset=utf-8", true)]
    [InlineData("application/problem+json", true)]
    [InlineData("text/html", true)]
    [InlineData("application/octet-stream", false)]
    [InlineData("image/png", false)]
    [InlineData(null, false)]
    public void TextBodies_AreThoseOfTextualMediaTypes(string? contentType, bool text)
    {
        Assert.Equal(text, ResponseAdapter.IsText(contentType));
    }

    private static FunctionUrlRequest Event(
        string method,
        string rawPath,
        string? rawQuery,
        Dictionary<string, string> headers,
        IReadOnlyList<string>? cookies = null,
        string? body = null,
        bool base64 = false) => new()
    {
        Version = "2.0",
        RawPath = rawPath,
        RawQueryString = rawQuery,
        Headers = headers,
        Cookies = cookies,
        Body = body,
        IsBase64Encoded = base64,
        RequestContext = new FunctionUrlRequestContext
        {
            RequestId = "request-1",
            DomainName = "fn.lambda-url.eu-west-1.on.aws",
            Http = new FunctionUrlHttp { Method = method, Protocol = "HTTP/1.1", SourceIp = "203.0.113.9" },
        },
    };

    private static async Task EchoAsync(HttpContext context)
    {
        switch (context.Request.Path.Value)
        {
            case "/binary":
                using (var buffer = new MemoryStream())
                {
                    await context.Request.Body.CopyToAsync(buffer);
                    context.Response.ContentType = "application/octet-stream";
                    await context.Response.Body.WriteAsync(buffer.ToArray().Reverse().ToArray());
                }

                return;
            case "/cookies":
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers["X-On-Starting"] = "started";
                    return Task.CompletedTask;
                });
                context.Response.StatusCode = 201;
                context.Response.Headers.Append("X-Repeated", "a");
                context.Response.Headers.Append("X-Repeated", "b");
                context.Response.Cookies.Append("one", "1");
                context.Response.Cookies.Append("two", "2", new CookieOptions { Expires = new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero) });
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync("created");
                return;
            case "/throw":
                context.Response.Headers["X-Partial"] = "yes";
                await context.Response.WriteAsync("partial");
                throw new InvalidOperationException("boom");
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var echo = new Dictionary<string, object?>
        {
            ["method"] = context.Request.Method,
            ["path"] = context.Request.Path.Value,
            ["query"] = context.Request.QueryString.Value,
            ["q"] = context.Request.Query["q"].ToString(),
            ["accept"] = context.Request.Headers.Accept.ToString(),
            ["session"] = context.Request.Cookies["session"],
            ["theme"] = context.Request.Cookies["theme"],
            ["remote"] = context.Connection.RemoteIpAddress?.ToString(),
            ["scheme"] = context.Request.Scheme,
            ["host"] = context.Request.Host.Value,
            ["body"] = body,
            ["contentLength"] = context.Request.ContentLength,
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(echo));
    }
}
