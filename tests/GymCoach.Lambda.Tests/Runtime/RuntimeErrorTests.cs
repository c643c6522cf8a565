using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using GymCoach.Lambda.Runtime;

namespace GymCoach.Lambda.Tests.Runtime;

public sealed class RuntimeErrorTests
{
    [Fact]
    public void FromException_TakesTypeNameMessageAndFrames()
    {
        var error = RuntimeError.FromException(RuntimeErrorTypes.Unhandled, Thrown(new InvalidOperationException("broken")));

        Assert.Equal(RuntimeErrorTypes.Unhandled, error.FunctionErrorType);
        Assert.Equal("InvalidOperationException", error.ErrorType);
        Assert.Equal("broken", error.ErrorMessage);
        Assert.Contains(error.StackTrace, frame => frame.Contains(nameof(Thrown), StringComparison.Ordinal));
        Assert.All(error.StackTrace, frame => Assert.Equal(frame.Trim(), frame));
    }

    [Fact]
    public void FromException_FollowsInnerExceptions()
    {
        var outer = Thrown(new InvalidOperationException("outer", Thrown(new TimeoutException("inner"))));

        var error = RuntimeError.FromException(RuntimeErrorTypes.Unhandled, outer);

        Assert.Contains("--- inner TimeoutException: inner", error.StackTrace);
    }

    [Fact]
    public void FromException_KeepsAtMostMaxStackFrames()
    {
        var error = RuntimeError.FromException(RuntimeErrorTypes.Unhandled, ThrownFrom(depth: 300));

        Assert.Equal(RuntimeError.MaxStackFrames, error.StackTrace.Count);
    }

    [Fact]
    public void ExceptionNeverThrown_HasNoFrames()
    {
        var error = RuntimeError.FromException(RuntimeErrorTypes.UnknownReason, new InvalidOperationException("never thrown"));

        Assert.Empty(error.StackTrace);
    }

    [Fact]
    public async Task ErrorDocument_HasTheRuntimeApiShape_WithoutTheHeaderValue()
    {
        await using var api = FakeApi();
        using var http = RuntimeApiClient.CreateHttpClient();
        var client = new RuntimeApiClient(api.Address, http);

        await client.PostInitErrorAsync(
            new RuntimeError { FunctionErrorType = RuntimeErrorTypes.ConfigInvalid, ErrorType = "Config", ErrorMessage = "bad \"x\"", StackTrace = ["a", "b"] },
            CancellationToken.None);
        var post = await api.WaitForInitErrorAsync();

        Assert.Equal(RuntimeErrorTypes.ConfigInvalid, post.FunctionErrorType);
        var document = JsonDocument.Parse(post.Body).RootElement;
        Assert.Equal(["errorType", "errorMessage", "stackTrace"], document.EnumerateObject().Select(property => property.Name));
        Assert.Equal("Config", document.GetProperty("errorType").GetString());
        Assert.Equal("bad \"x\"", document.GetProperty("errorMessage").GetString());
        Assert.Equal(["a", "b"], document.GetProperty("stackTrace").EnumerateArray().Select(frame => frame.GetString()));
    }

    private static Support.FakeRuntimeApi FakeApi() => Support.FakeRuntimeApi.Start();

    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }

    private static InvalidOperationException ThrownFrom(int depth)
    {
        try
        {
            Dive(depth);
        }
        catch (InvalidOperationException caught)
        {
            return caught;
        }

        throw new UnreachableException();
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
    private static void Dive(int depth)
    {
        if (depth == 0)
        {
            throw new InvalidOperationException("deep");
        }

        Dive(depth - 1);
    }
}
