using GymCoach.Contracts.Events;
using GymCoach.Contracts.Tests.Support;
using GymCoach.Contracts.Validation;
using static GymCoach.Contracts.Tests.Support.ValidationAssert;

namespace GymCoach.Contracts.Tests.Validation;

public sealed class ProfileRulesTests
{
    [Fact]
    public void A_realistic_profile_is_valid()
    {
        Assert.Empty(EventValidator.ValidateProfile(Some.Profile()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_blank_user_id_is_rejected(string userId)
    {
        SingleError(EventValidator.ValidateProfile(Some.Profile() with { UserId = userId }), "userId", "must not be empty or whitespace");
    }

    [Fact]
    public void A_user_id_over_128_characters_is_rejected()
    {
        SingleError(EventValidator.ValidateProfile(Some.Profile() with { UserId = new string('u', 129) }), "userId", "at most 128 characters");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public void Display_names_of_1_to_100_characters_are_valid(int length)
    {
        Assert.Empty(EventValidator.ValidateProfile(Some.Profile() with { DisplayName = new string('n', length) }));
    }

    [Fact]
    public void A_display_name_over_100_characters_is_rejected()
    {
        var errors = EventValidator.ValidateProfile(Some.Profile() with { DisplayName = new string('n', 101) });

        SingleError(errors, "displayName", "must be at most 100 characters long, was 101");
    }

    [Fact]
    public void Display_name_length_counts_characters_not_utf16_units()
    {
        // 100 emoji are 200 UTF-16 code units but 100 characters to the person who typed them.
        var emoji = string.Concat(Enumerable.Repeat("💪", 100));

        Assert.Empty(EventValidator.ValidateProfile(Some.Profile() with { DisplayName = emoji }));
        SingleError(EventValidator.ValidateProfile(Some.Profile() with { DisplayName = emoji + "💪" }), "displayName", "was 101");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    public void A_missing_display_name_is_rejected(string? displayName)
    {
        var errors = EventValidator.ValidateProfile(Some.Profile() with { DisplayName = displayName! });

        Assert.Equal("displayName", Assert.Single(errors).Field);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(68.4)]
    [InlineData(1000)]
    public void Bodyweights_above_0_up_to_1000_are_valid(double bodyweight)
    {
        Assert.Empty(EventValidator.ValidateProfile(Some.Profile() with { Bodyweight = (decimal)bodyweight }));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(-70, "-70")]
    [InlineData(1000.5, "1000.5")]
    public void Bodyweights_of_0_or_less_or_over_1000_are_rejected(double bodyweight, string shown)
    {
        var errors = EventValidator.ValidateProfile(Some.Profile() with { Bodyweight = (decimal)bodyweight });

        SingleError(errors, "bodyweight", $"must be greater than 0 and at most 1000, was {shown}");
    }

    [Fact]
    public void An_undefined_unit_is_rejected()
    {
        SingleError(EventValidator.ValidateProfile(Some.Profile() with { Unit = (WeightUnit)(-1) }), "unit", "\"kg\" or \"lb\"");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    public void Up_to_20_goals_are_valid(int count)
    {
        Assert.Empty(EventValidator.ValidateProfile(Some.Profile() with { Goals = Some.Many(count, i => $"goal {i}") }));
    }

    [Fact]
    public void More_than_20_goals_are_rejected()
    {
        var errors = EventValidator.ValidateProfile(Some.Profile() with { Goals = Some.Many(21, i => $"goal {i}") });

        SingleError(errors, "goals", "must contain at most 20 items, had 21");
    }

    [Fact]
    public void Goals_of_200_characters_are_valid()
    {
        Assert.Empty(EventValidator.ValidateProfile(Some.Profile() with { Goals = [new string('g', 200)] }));
    }

    [Fact]
    public void Blank_null_and_overlong_goals_are_each_reported_with_their_index()
    {
        var errors = EventValidator.ValidateProfile(Some.Profile() with { Goals = ["squat 140 kg", "", null!, new string('g', 201)] });

        Fields(errors, "goals[1]", "goals[2]", "goals[3]");
        Assert.Equal("must not be empty or whitespace", errors[0].Message);
        Assert.Equal("must not be null", errors[1].Message);
        Assert.Equal("must be at most 200 characters long, was 201", errors[2].Message);
    }

    [Fact]
    public void A_null_goal_list_is_reported()
    {
        SingleError(EventValidator.ValidateProfile(Some.Profile() with { Goals = null! }), "goals", "must not be null");
    }

    [Fact]
    public void Every_broken_profile_rule_is_reported_at_once()
    {
        var profile = new ProfileUpdated { UserId = "", DisplayName = "", Bodyweight = 0m, Unit = (WeightUnit)9, Goals = null! };

        Fields(EventValidator.ValidateProfile(profile), "userId", "displayName", "bodyweight", "unit", "goals");
    }
}
