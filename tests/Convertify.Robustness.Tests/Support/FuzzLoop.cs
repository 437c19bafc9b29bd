using System.Diagnostics;
using CsCheck;

namespace Convertify.Robustness.Tests.Support;

/// <summary>
/// Runs a fuzz test: input i is made from its own <see cref="Random"/> seeded from (run seed, i), so any
/// failing input can be regenerated from the printed seed and index. Bounded by an iteration count in CI and
/// by CONVERTIFY_FUZZ_SECONDS in long runs; a watchdog turns a hang into a failure.
/// </summary>
internal static class FuzzLoop
{
    public static readonly string[] Sites = ["bbc", "cdt", "dw", "ft", "nyt", "reuters", "rfa", "rfi", "voa", "unknown"];

    public static FuzzFigures Run(string name, int iterations, Func<Random, (string Path, byte[] Input)> make)
    {
        var seed = FuzzSettings.Seed;
        var duration = FuzzSettings.Duration;
        var clock = Stopwatch.StartNew();
        using var harness = new ConversionHarness(name);
        var current = -1;
        try
        {
            Watchdog.Run(name, () =>
            {
                for (var i = 0; duration is null ? i < iterations : clock.Elapsed < duration; i++)
                {
                    current = i;
                    var (path, input) = make(ForIteration(seed, i));
                    harness.Check(i.ToString(System.Globalization.CultureInfo.InvariantCulture), input, path);
                }
                harness.Finish();
                return 0;
            }, (duration ?? TimeSpan.Zero) + TimeSpan.FromMinutes(10));
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"{name} (seed {seed}) stopped at input {current}: {e}");
        }
        catch (Xunit.Sdk.XunitException e)
        {
            Assert.Fail($"{name} (seed {seed}) at input {current}: {e.Message}");
        }
        harness.AssertClean(clock.Elapsed, seed);
        return harness.Figures;
    }

    public static Random ForIteration(ulong seed, int iteration) =>
        new(unchecked((int)((seed * 0x9E3779B97F4A7C15UL + (ulong)iteration * 0xBF58476D1CE4E5B9UL) >> 33)));

    public static T Sample<T>(this Gen<T> gen, Random random) =>
        gen.Generate(new PCG((uint)random.Next(), (ulong)random.NextInt64()), null, out _);

    public static string SitePath(Random random) => $"articles/{Sites[random.Next(Sites.Length)]}/{random.Next(1, 9_999_999)}.md";
}
