using GymCoach.Workers.Logging;
using Serilog;
using Serilog.Context;

namespace GymCoach.Workers.Tests.Logging;

/// <summary>API keys and personal data never reach a log line, however they were attached to the event.</summary>
public sealed class RedactionTests
{
    private const string ApiKey = "gck_live_5f1e2d3c4b5a69788796a5b4";
    private const string DisplayName = "Ann Example";
    private const string Bodyweight = "81.25";

    public static TheoryData<LogFormat> Formats => [LogFormat.Json, LogFormat.Readable];

    [Theory]
    [MemberData(nameof(Formats))]
    public void SensitivePropertiesInTemplates_AreRedacted(LogFormat format)
    {
        var text = Log(format, logger => logger.Information(
            "Request with {ApiKey} for {displayName} weighing {BodyweightKg} by {UserId}", ApiKey, DisplayName, 81.25m, "user-00001"));

        AssertClean(text);
        Assert.Contains("user-00001", text, StringComparison.Ordinal);
        Assert.Contains("[redacted]", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void PropertiesAddedAfterEnrichment_ByForContextAndLogContext_AreRedacted(LogFormat format)
    {
        var text = Log(format, logger =>
        {
            using (LogContext.PushProperty("X-Api-Key", ApiKey))
            {
                logger.ForContext("display_name", DisplayName).Information("Updated the profile of {UserId}", "user-00001");
            }
        });

        AssertClean(text);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void DestructuredObjectsAndDictionaries_LoseTheirSensitiveMembers(LogFormat format)
    {
        var profile = new Profile("user-00001", DisplayName, 81.25m);
        var headers = new Dictionary<string, string> { ["x-api-key"] = ApiKey, ["accept"] = "application/json" };

        var text = Log(format, logger => logger.Information("Profile {@Profile} with headers {@Headers}", profile, headers));

        AssertClean(text);
        Assert.Contains("user-00001", text, StringComparison.Ordinal);
        Assert.Contains("application/json", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void RawBodiesAndHeaderText_InStringsAndExceptions_AreScrubbed(LogFormat format)
    {
        var body = $"{{\"userId\":\"user-00001\",\"displayName\":\"{DisplayName}\",\"bodyweight\":{Bodyweight},\"unit\":\"kg\"}}";
        var error = new InvalidOperationException($"Rejected {body} sent with X-Api-Key: {ApiKey}");

        var text = Log(format, logger => logger.Error(error, "Invalid body {Body} (Authorization: Bearer {Token})", body, ApiKey));

        AssertClean(text);
        Assert.Contains("user-00001", text, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TextWithoutSensitiveData_IsLeftAlone()
    {
        var text = Log(LogFormat.Readable, logger => logger.Information("Stored {Count} workouts for {UserId}; token bucket ok", 3, "user-1"));

        Assert.Contains("Stored 3 workouts for user-1; token bucket ok", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[redacted]", text, StringComparison.Ordinal);
    }

    private static string Log(LogFormat format, Action<ILogger> write)
    {
        using var output = new StringWriter();
        var configuration = new LoggerConfiguration().Enrich.FromLogContext();
        using (var logger = GymCoachLogging.Configure(configuration, format, output).CreateLogger())
        {
            write(logger);
        }

        return output.ToString();
    }

    private static void AssertClean(string text)
    {
        Assert.NotEmpty(text);
        Assert.DoesNotContain(ApiKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(DisplayName, text, StringComparison.Ordinal);
        Assert.DoesNotContain("81.25", text, StringComparison.Ordinal);
    }

    private sealed record Profile(string UserId, string DisplayName, decimal BodyweightKg);
}
