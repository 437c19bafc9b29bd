using Convertify.Fuzz.Replay;
using Convertify.Fuzz.Seeds;
using Convertify.Fuzz.Targets;
using Convertify.Testing;

namespace Convertify.Fuzz.Tests;

/// <summary>The AFL harness's targets outside AFL: every seed passes, and each property can fail.</summary>
public sealed class FuzzTargetTests
{
    public static TheoryData<string> Targets => new(FuzzTargets.Names);

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_seed_passes_its_target(string name)
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var target = WarmUp.Run(FuzzTargets.Create(name)!);
        var count = SeedWriter.Write(target, TestPaths.Fixtures, folder.Path);

        count.ShouldBeGreaterThan(20);
        var failures = Directory.EnumerateFiles(folder.Path)
            .Select(file => (file, outcome: ReplayRunner.RunOne(target, File.ReadAllBytes(file))))
            .Where(run => !run.outcome.Passed)
            .Select(run => $"{Path.GetFileName(run.file)}: {run.outcome.Problem}")
            .ToList();
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void Targets_accept_documented_format_errors()
    {
        foreach (var name in FuzzTargets.Names)
        {
            var target = FuzzTargets.Create(name)!;
            // Empty, binary, and a header without its rule: each a typed ArticleFormatException inside the reader.
            Should.NotThrow(() => target.Run([]), name);
            Should.NotThrow(() => target.Run([0, 1, 2, 0xff, 0xfe]), name);
            Should.NotThrow(() => target.Run("<!--1-->\n[t](https://example.com/)\n"u8.ToArray()), name);
        }
    }

    [Fact]
    public void Html_seeds_pick_the_fixture_site_with_their_first_byte()
    {
        var target = new HtmlTarget();
        var fixture = "<!--1672331948000-->\n[T](https://www.nytimes.com/a.html)\n------\n\n<p>body</p>\n"u8.ToArray();

        var seed = target.SeedFrom(Path.Combine("fixtures", "articles", "nyt", "1.md"), fixture);

        HtmlTarget.Sites[seed[0]].ShouldBe("nyt");
        System.Text.Encoding.UTF8.GetString(seed, 1, seed.Length - 1).ShouldBe("<p>body</p>\n");
    }

    [Fact]
    public void An_execution_over_the_hang_limit_fails()
    {
        var slow = new SlowTarget(TimedExecution.Limit + TimeSpan.FromMilliseconds(200));

        ReplayRunner.RunOne(slow, [1]).Problem.ShouldNotBeNull().ShouldContain(nameof(SlowExecutionException));
        ReplayRunner.RunOne(new SlowTarget(TimeSpan.Zero), [1]).Passed.ShouldBeTrue();
    }

    private sealed class SlowTarget(TimeSpan delay) : IFuzzTarget
    {
        public string Name => "slow";

        public string Description => "sleeps";

        public void Run(byte[] input) => Thread.Sleep(delay);

        public byte[] SeedFrom(string fixturePath, byte[] fixture) => fixture;
    }
}
