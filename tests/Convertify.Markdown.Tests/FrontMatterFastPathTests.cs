using System.Text;
using Convertify.Markdown.Internal;

namespace Convertify.Markdown.Tests;

/// <summary>The direct front matter writer must produce exactly what YamlDotNet's emitter produces for the same entries.</summary>
public sealed class FrontMatterFastPathTests
{
    // Everything YAML gives meaning to, plus CJK, full-width forms and the edges of the verbatim range.
    private static readonly string[] Pieces =
    [
        "a", "Z", "0", " ", "  ", "\"", "\\", "'", "#", ":", ": ", "- ", "-", "?", "!", "&", "*", "|", ">", "%", "@", "`", "{", "}", "[", "]",
        ",", "~", "no", "yes", "1.20", "2021-01-01", "---", "...", "中", "文", "，", "“", "”", "　", "：", "\u00A1", "\u00FF", "\u2027",
        "\u202A", "\uD7FF", "\uE000", "\uFFFD", "é", "Ω",
    ];

    [Fact]
    public void Writes_the_emitters_bytes_for_verbatim_values()
    {
        var random = new Random(424242);
        for (var n = 0; n < 3000; n++)
        {
            var title = RandomText(random);
            var items = Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomText(random)).ToArray();
            List<FrontMatterWriter.Entry> entries =
            [
                new("title", [title], Quoted: true, IsList: false),
                new("date", ["2024-01-02T03:04:05+08:00"], Quoted: false, IsList: false),
                new("authors", items, Quoted: true, IsList: true),
                new("isCJKLanguage", ["true"], Quoted: false, IsList: false),
            ];
            entries.ShouldAllBe(e => !e.Quoted || e.Values.All(FrontMatterWriter.IsVerbatim));
            Direct(entries).ShouldBe(Emitted(entries), $"title {title}");
        }
    }

    [Theory]
    [InlineData("tab\there")]
    [InlineData("line\nbreak")]
    [InlineData("cr\r")]
    [InlineData("next line \u0085")]
    [InlineData("no-break\u00A0space")]
    [InlineData("del \u007F")]
    [InlineData("line sep \u2028")]
    [InlineData("para sep \u2029")]
    [InlineData("\uFEFFbom")]
    [InlineData("emoji 😀")]
    [InlineData("ideograph 𠀀")]
    public void Leaves_values_that_need_escapes_to_the_emitter(string value)
    {
        FrontMatterWriter.IsVerbatim(value).ShouldBeFalse();
        var article = Support.TestArticles.Create([], title: value);
        var written = new StringWriter();
        FrontMatterWriter.Write(article, written);
        var emitted = new StringWriter();
        emitted.Write("---\n");
        FrontMatterWriter.Emit(EntriesOf(written.ToString()), emitted);
        emitted.Write("---\n");
        // The whole front matter went through the emitter: the title line is the emitter's escape of the value.
        written.ToString().ShouldBe(emitted.ToString());
    }

    private static List<FrontMatterWriter.Entry> EntriesOf(string frontMatter)
    {
        // Re-read the written front matter with YamlDotNet to rebuild the entries it came from.
        var yaml = frontMatter.Trim().Trim('-');
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(yaml));
        var mapping = (YamlDotNet.RepresentationModel.YamlMappingNode)stream.Documents[0].RootNode;
        var entries = new List<FrontMatterWriter.Entry>();
        foreach (var (key, node) in mapping.Children)
        {
            var name = ((YamlDotNet.RepresentationModel.YamlScalarNode)key).Value!;
            if (node is YamlDotNet.RepresentationModel.YamlSequenceNode list)
            {
                entries.Add(new(name, [.. list.Children.Select(c => ((YamlDotNet.RepresentationModel.YamlScalarNode)c).Value!)], true, true));
            }
            else
            {
                var scalar = (YamlDotNet.RepresentationModel.YamlScalarNode)node;
                entries.Add(new(name, [scalar.Value!], scalar.Style == YamlDotNet.Core.ScalarStyle.DoubleQuoted, false));
            }
        }
        return entries;
    }

    private static string RandomText(Random random)
    {
        var builder = new StringBuilder();
        var length = random.Next(0, 12);
        for (var i = 0; i < length; i++)
        {
            builder.Append(Pieces[random.Next(Pieces.Length)]);
        }
        return builder.ToString();
    }

    private static string Direct(List<FrontMatterWriter.Entry> entries)
    {
        var writer = new StringWriter();
        FrontMatterWriter.WriteDirect(entries, writer);
        return writer.ToString();
    }

    private static string Emitted(List<FrontMatterWriter.Entry> entries)
    {
        var writer = new StringWriter();
        FrontMatterWriter.Emit(entries, writer);
        return writer.ToString();
    }
}
