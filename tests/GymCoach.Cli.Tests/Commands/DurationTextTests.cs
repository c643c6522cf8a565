using GymCoach.Cli.Commands;

namespace GymCoach.Cli.Tests.Commands;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("30s", 30)]
    [InlineData("30", 30)]
    [InlineData("2m", 120)]
    [InlineData("1h", 3600)]
    [InlineData("0s", 0)]
    public void WholeSecondsMinutesAndHours_AreRead(string text, int seconds)
    {
        Assert.True(DurationText.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("1.5s")]
    [InlineData("-3s")]
    [InlineData("30x")]
    [InlineData("5 s")]
    [InlineData("99999999999s")]
    public void AnythingElse_IsNotADuration(string text) => Assert.False(DurationText.TryParse(text, out _));

    [Theory]
    [InlineData(31, "31s")]
    [InlineData(120, "2m")]
    [InlineData(43_200, "12h")]
    [InlineData(90, "90s")]
    public void Durations_AreWrittenTheShortestWay(int seconds, string expected) =>
        Assert.Equal(expected, DurationText.Format(TimeSpan.FromSeconds(seconds)));
}
