using System.Text;
using Convertify.Archive.Html;

namespace Convertify.Archive.Tests;

public sealed class VisibleTextTests
{
    /// <summary>The definition: characters that are neither white space nor invisible, counted one by one up to the limit.</summary>
    private static int Definition(string text, int limit)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c is not ('\u200B' or '\u2060' or '\uFEFF' or '\u00AD') && ++n >= limit)
            {
                break;
            }
        }
        return n;
    }

    [Fact]
    public void Every_code_unit_counts_as_the_definition_says()
    {
        var failures = new List<string>();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            // Alone, and in a block of eight and more, so both the vector and the one-by-one paths see it.
            foreach (var text in new[] { ((char)c).ToString(), "中文中文" + (char)c + "中文中文中文" })
            {
                if (VisibleText.Count(text, 1000) != Definition(text, 1000))
                {
                    failures.Add($"U+{c:X4}");
                }
            }
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void Mixed_text_and_limits_agree_with_the_definition()
    {
        string[] pieces = ["中", "文", "a", " ", "\n", "\t", "\u3000", "\u00A0", "\u200B", "\u00AD", "\uFEFF", "\u2009", "\u0001", "，", "😀", "\u2060", "\u0085"];
        var random = new Random(20261124);
        for (var n = 0; n < 5000; n++)
        {
            var builder = new StringBuilder();
            for (var i = random.Next(0, 60); i > 0; i--)
            {
                builder.Append(pieces[random.Next(pieces.Length)]);
            }
            var text = builder.ToString();
            var limit = random.Next(-2, 50);
            VisibleText.Count(text, limit).ShouldBe(Definition(text, limit), $"'{text}' limit {limit}");
        }
    }
}
