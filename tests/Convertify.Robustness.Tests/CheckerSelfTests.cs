using Convertify.Robustness.Tests.Support;

namespace Convertify.Robustness.Tests;

/// <summary>The checkers the fuzz tests rely on do catch what they look for (so a clean fuzz run means something).</summary>
public sealed class CheckerSelfTests
{
    private static FrontMatterCase Case(string yaml) => new("self-test", yaml,
        new Dictionary<string, string?> { ["title"] = "yes" },
        new Dictionary<string, DateTimeOffset> { ["date"] = new(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(8)) },
        new Dictionary<string, IReadOnlyList<string>>(), []);

    [Fact]
    public void Front_matter_checks_catch_retyped_values_and_injected_keys()
    {
        var good = Case("title: \"yes\"\ndate: 2024-01-02T03:04:05+08:00\n");
        var plain = Case("title: yes\ndate: 2024-01-02T03:04:05+08:00\n");
        var injected = Case("title: \"yes\"\ndate: 2024-01-02T03:04:05+08:00\ndraft: true\n");
        var wrongDate = Case("title: \"yes\"\ndate: 2024-01-02T03:04:05Z\n");

        FrontMatterCheck.YamlDotNetProblems(good).ShouldBeEmpty();
        FrontMatterCheck.YamlDotNetProblems(plain).ShouldHaveSingleItem().ShouldContain("plain scalar");
        FrontMatterCheck.YamlDotNetProblems(injected).ShouldHaveSingleItem().ShouldContain("keys");
        FrontMatterCheck.YamlDotNetProblems(wrongDate).ShouldHaveSingleItem().ShouldContain("date");

        var python = FrontMatterCheck.PyYamlProblems([good, plain with { Label = "plain" }, injected with { Label = "injected" }, wrongDate with { Label = "date" }]);
        python.Count.ShouldBe(3, string.Join("\n", python));
        python.ShouldContain(p => p.StartsWith("plain: title is bool", StringComparison.Ordinal));
        python.ShouldContain(p => p.StartsWith("injected: keys", StringComparison.Ordinal));
        python.ShouldContain(p => p.StartsWith("date: date reads back", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("text <script>alert(1)</script>\n")]
    [InlineData("<img src=x onerror=alert(1)>\n")]
    [InlineData("[click](javascript:alert(1))\n")]
    [InlineData("<JavaScript:alert(1)>\n")]
    [InlineData("<table>\n<tr><td onclick=\"x\">a</td></tr>\n</table>\n")]
    [InlineData("<table>\n<tr><td><a href=\"javascript:alert(1)\">a</a></td></tr>\n</table>\n")]
    [InlineData("<div>raw</div>\n")]
    public void Markdown_checks_catch_raw_html_and_script_urls(string markdown)
    {
        MarkdownSafety.Problems(markdown).ShouldNotBeEmpty();
        MarkdownSafety.LexicalProblems(markdown).ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("text \\<script\\>alert(1)\\</script\\>\n")]
    [InlineData("[click](https://x.example/)\n")]
    [InlineData("<table>\n<tr><th colspan=\"2\">a<br></th></tr>\n<tr><td><a href=\"https://x.example/\">b</a></td></tr>\n</table>\n")]
    public void Markdown_checks_accept_escaped_text_and_the_writer_tables(string markdown)
    {
        MarkdownSafety.Problems(markdown).ShouldBeEmpty();
        MarkdownSafety.LexicalProblems(markdown).ShouldBeEmpty();
    }

    [Fact]
    public void Package_checks_reject_bytes_that_are_not_a_package() =>
        OpenXmlCheck.DocxProblems([0x50, 0x4B, 0x03, 0x04, 0x00]).ShouldHaveSingleItem().ShouldContain("does not open");
}
