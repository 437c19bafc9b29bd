using System.Globalization;

namespace Convertify.Robustness.Tests.Support;

/// <summary>
/// How long and from which seed the fuzz tests run. CI uses the fixed seed and the per-test iteration counts;
/// <c>CONVERTIFY_FUZZ_SECONDS</c> turns each fuzz test into a timed run, <c>CONVERTIFY_FUZZ_SEED</c> picks the seed
/// (a number, or <c>random</c>).
/// </summary>
internal static class FuzzSettings
{
    public const ulong DefaultSeed = 20261124;

    public static ulong Seed { get; } = ReadSeed();

    /// <summary>The length of a long run per fuzz test, or null for the bounded CI run.</summary>
    public static TimeSpan? Duration { get; } = ReadDuration();

    private static ulong ReadSeed()
    {
        var text = Environment.GetEnvironmentVariable("CONVERTIFY_FUZZ_SEED");
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultSeed;
        }
        if (text.Equals("random", StringComparison.OrdinalIgnoreCase))
        {
            return (ulong)Random.Shared.NextInt64(1, long.MaxValue);
        }
        return ulong.Parse(text, CultureInfo.InvariantCulture);
    }

    private static TimeSpan? ReadDuration()
    {
        var text = Environment.GetEnvironmentVariable("CONVERTIFY_FUZZ_SECONDS");
        return string.IsNullOrWhiteSpace(text) ? null : TimeSpan.FromSeconds(double.Parse(text, CultureInfo.InvariantCulture));
    }
}
