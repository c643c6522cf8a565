using System.Globalization;

namespace GymCoach.Tests.Fuzzing;

/// <summary>How many inputs a fuzz test tries: its suite default, or <c>GYMCOACH_FUZZ_ITERATIONS</c> for a longer hunt.</summary>
/// <remarks>The suite's defaults keep all fuzz tests together to about 15 s on a 2-core machine.</remarks>
internal static class FuzzBudget
{
    public const string Variable = "GYMCOACH_FUZZ_ITERATIONS";

    public static int Iterations(int suiteDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) && iterations > 0
            ? iterations
            : suiteDefault;
}
