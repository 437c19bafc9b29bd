using System.Text;
using Convertify.Robustness.Tests.Support;
using CsCheck;

namespace Convertify.Robustness.Tests;

/// <summary>
/// Guarantee "no key injection, typed values survive": generated titles, descriptions and authors full of YAML
/// syntax, control characters, lone surrogates and RTL text are written as front matter that YamlDotNet and
/// PyYAML (YAML 1.1) both read back to the same strings and timestamps, with no extra key.
/// </summary>
public sealed class FrontMatterTests
{
    private static readonly string[] YamlPieces =
    [
        "---", "...", ": ", "#", " #", "'", "\"", "\\", "\\n", "\t", "yes", "no", "Yes", "NO", "on", "off", "y", "n", "~", "null", "Null", "1e3", "0o17",
        "0x1F", "012", "1_000", "3.14", ".inf", "-.inf", ".nan", "2024-01-01", "2024-01-01 10:00:00", "12:30:45", "<<", "&anchor", "*alias", "!tag",
        "!!python/object:os.system", "%YAML 1.1", "- item", "? key", "[a, b]", "{a: b}", "|", ">", "@", "`", "title: injected", "\nkey: value",
        "\r\nkey: value", "\u0085", "\u2028", "\u2029", "\uFEFF", "\u200F", "مرحبا", "שלום", "\u202E", "临登港", "😀", "\uD800", "\uDC00", "\u0001", "\u001B",
        "\u007F", "\u0080", "\u009F", "\uFFFE", "\uFFFF", " ", "  ", "=1+1", "+1", "-1", "@SUM(A1)",
    ];

    private static readonly Gen<string> YamlText = Gen.Frequency(
        (5, Gen.OneOf(YamlPieces)),
        (2, HostileText.Text)).Array[1, 8].Select(parts => string.Concat(parts));

    [Fact]
    public void Generated_titles_and_descriptions_read_back_unchanged_under_YamlDotNet_and_PyYAML()
    {
        var figures = FuzzLoop.Run("front-matter", 600, random =>
        {
            var title = YamlText.Sample(random).Replace('\n', ' ').Replace('\r', ' ').Replace("\0", "", StringComparison.Ordinal);
            if (title.Trim().Length == 0) title += "t";
            // BBC bylines are a role=list; their names become the author keys.
            var body = $"<ul role=\"list\"><li role=\"listitem\">{Escape(YamlText.Sample(random))}</li></ul><p>{Escape(YamlText.Sample(random))}</p>";
            return ("articles/bbc/1041700.md", Encoding.UTF8.GetBytes(ArchiveText.Article(title, "https://www.bbc.com/zhongwen/simp/world-1", body)));
        });
        figures.FrontMatters.ShouldBeGreaterThan(figures.Inputs * 9 / 10);
    }

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace("\0", "");
}
