using System.Text.Json;

namespace GymCoach.Integration.Tests.Infrastructure;

/// <summary>The template's alarms reach someone (an SNS topic, with an optional e-mail subscription) and watch resources it deploys.</summary>
[Trait("Category", "Slow")]
public sealed class TemplateAlarmsTests
{
    private static readonly string[] Functions = ["WritesFunction", "AnalyticsFunction", "ApiFunction"];

    [Fact]
    public async Task EveryAlarm_NotifiesTheAlarmTopic()
    {
        using var template = await TemplateDocument.LoadAsync();

        var topic = Assert.Single(TemplateDocument.OfType(template, "AWS::SNS::Topic"));
        var alarms = TemplateDocument.OfType(template, "AWS::CloudWatch::Alarm");
        Assert.NotEmpty(alarms);
        Assert.All(alarms, alarm => Assert.True(
            alarm.Properties.TryGetProperty("AlarmActions", out var actions)
                && actions.EnumerateArray().Any(action => TemplateDocument.IsRef(action, topic.Id)),
            $"{alarm.Id} does not notify {topic.Id}"));
    }

    [Fact]
    public async Task TheEmailSubscription_IsCreatedOnlyWhenAnAddressIsGiven()
    {
        using var template = await TemplateDocument.LoadAsync();
        var root = template.RootElement;

        var parameter = root.GetProperty("Parameters").GetProperty("AlarmEmail");
        Assert.Equal(string.Empty, parameter.GetProperty("Default").GetString());
        var condition = root.GetProperty("Conditions").GetProperty("HasAlarmEmail");
        Assert.Contains("AlarmEmail", condition.GetRawText(), StringComparison.Ordinal);
        var subscription = root.GetProperty("Resources").EnumerateObject().Single(r => r.Value.GetProperty("Type").GetString() == "AWS::SNS::Subscription").Value;
        Assert.Equal("HasAlarmEmail", subscription.GetProperty("Condition").GetString());
        var properties = subscription.GetProperty("Properties");
        Assert.Equal("email", properties.GetProperty("Protocol").GetString());
        Assert.True(TemplateDocument.IsRef(properties.GetProperty("Endpoint"), "AlarmEmail"));
        Assert.True(TemplateDocument.IsRef(properties.GetProperty("TopicArn"), "AlarmTopic"));
    }

    [Theory]
    [InlineData("Errors")]
    [InlineData("Throttles")]
    public async Task EachFunction_HasALambdaAlarmOn(string metric)
    {
        using var template = await TemplateDocument.LoadAsync();
        var names = FunctionNames(template);
        var alarms = TemplateDocument.OfType(template, "AWS::CloudWatch::Alarm")
            .Where(a => a.Properties.TryGetProperty("Namespace", out var ns) && ns.GetString() == "AWS/Lambda"
                && a.Properties.GetProperty("MetricName").GetString() == metric)
            .ToList();

        foreach (var function in Functions)
        {
            Assert.Contains(alarms, alarm => alarm.Properties.GetProperty("Dimensions").EnumerateArray().Any(d =>
                d.GetProperty("Name").GetString() == "FunctionName" && TemplateDocument.Text(d.GetProperty("Value")) == names[function]));
        }
    }

    [Fact]
    public async Task EveryFunctionTheAlarmsAndDashboardWatch_IsDeployedByTheTemplate()
    {
        using var template = await TemplateDocument.LoadAsync();
        var deployed = FunctionNames(template).Values.ToHashSet(StringComparer.Ordinal);
        var watched = new List<string>();
        foreach (var (_, properties) in TemplateDocument.OfType(template, "AWS::CloudWatch::Alarm"))
        {
            CollectFunctionDimensions(properties, watched);
        }

        var dashboard = TemplateDocument.OfType(template, "AWS::CloudWatch::Dashboard").Single().Properties;
        using var body = JsonDocument.Parse(TemplateDocument.Text(dashboard.GetProperty("DashboardBody"))!);
        foreach (var widget in body.RootElement.GetProperty("widgets").EnumerateArray())
        {
            foreach (var line in widget.GetProperty("properties").GetProperty("metrics").EnumerateArray())
            {
                var parts = line.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList();
                for (var i = 2; i + 1 < parts.Count; i += 2)
                {
                    if (parts[i] == "FunctionName")
                    {
                        watched.Add(parts[i + 1]);
                    }
                }
            }
        }

        Assert.NotEmpty(watched);
        Assert.All(watched, name => Assert.Contains(name, deployed));
    }

    /// <summary>Each function's logical id and its <c>FunctionName</c> as written (with <c>${Stage}</c>).</summary>
    private static Dictionary<string, string> FunctionNames(JsonDocument template) =>
        TemplateDocument.OfType(template, "AWS::Lambda::Function")
            .ToDictionary(f => f.Id, f => TemplateDocument.Text(f.Properties.GetProperty("FunctionName"))!, StringComparer.Ordinal);

    /// <summary>Every <c>FunctionName</c> dimension value anywhere in an alarm (single metric or metric math).</summary>
    private static void CollectFunctionDimensions(JsonElement element, List<string> names)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("Name", out var name) && name.ValueKind == JsonValueKind.String
                    && name.GetString() == "FunctionName" && element.TryGetProperty("Value", out var value))
                {
                    names.Add(TemplateDocument.Text(value) ?? value.GetRawText());
                }

                foreach (var property in element.EnumerateObject())
                {
                    CollectFunctionDimensions(property.Value, names);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectFunctionDimensions(item, names);
                }

                break;
        }
    }
}
