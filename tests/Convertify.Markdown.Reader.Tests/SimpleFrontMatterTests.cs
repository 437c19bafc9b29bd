using System.Text;
using Convertify.Markdown.Reader.Internal.FrontMatter;
using Convertify.Markdown.Reader.Tests.Support;

namespace Convertify.Markdown.Reader.Tests;

/// <summary>The parser-free path reads what YamlDotNet reads, and gives up on what it cannot be sure of.</summary>
public sealed class SimpleFrontMatterTests
{
    [Fact]
    public void EveryFixtureFrontMatterTakesThePlainPathAndMatchesYaml()
    {
        foreach (var path in RoundTrip.FixtureFiles())
        {
            var markdown = Encoding.UTF8.GetString(RoundTrip.Markdown(RoundTrip.ReadArchive(path)));
            var yaml = FrontMatterSplit.Cut(markdown)!.Value.Yaml!;
            var simple = SimpleFrontMatter.TryRead(yaml);
            simple.ShouldNotBeNull(path);
            Dump(simple).ShouldBe(Dump(ParseWithYamlDotNet(yaml)), path);
        }
    }

    [Theory]
    [InlineData("title: \"a \\\"quoted\\\" \\\\ title\"\ndate: 2024-01-02T03:04:05+08:00\ntags:\n- \"x\"\n- \"y\"\nisCJKLanguage: true\n")]
    [InlineData("title: \"\"\nid: \"voa/1\"\n")]
    public void PlainShapesMatchYaml(string yaml)
    {
        var simple = SimpleFrontMatter.TryRead(yaml);
        simple.ShouldNotBeNull();
        Dump(simple).ShouldBe(Dump(ParseWithYamlDotNet(yaml)));
    }

    [Theory]
    [InlineData("title: \"tab\\tescape\"\n")]
    [InlineData("title: plain words: with a colon\n")]
    [InlineData("# a comment\ntitle: \"x\"\n")]
    [InlineData("tags: [a, b]\n")]
    [InlineData("title: 'single'\n")]
    [InlineData("title: \"x\" # comment\n")]
    [InlineData("params:\n  toc: true\n")]
    [InlineData("empty:\ntitle: \"x\"\n")]
    [InlineData("title: ~\n")]
    [InlineData("\ntitle: \"x\"\n")]
    public void OtherShapesGoToTheYamlParser(string yaml) =>
        SimpleFrontMatter.TryRead(yaml).ShouldBeNull();

    private static FrontMatterValues ParseWithYamlDotNet(string yaml)
    {
        // A comment line keeps the plain path out, so this is YamlDotNet's reading.
        return FrontMatterParser.Parse("x.md", "# yaml\n" + yaml, 2);
    }

    private static string Dump(FrontMatterValues values) =>
        string.Join("\n", values.Keys.Order(StringComparer.Ordinal).Select(k => k + (values.Scalar(k) is null ? "=list:" : "=scalar:") + string.Join("|", values.Strings(k))));
}
