using System.Collections.Immutable;
using System.Text;
using Convertify.Model;

namespace Convertify.Markdown.Reader.Tests.Support;

/// <summary>Articles made from a seed: text full of Markdown's special characters in every block and inline kind.</summary>
internal sealed class RandomArticles(int seed)
{
    private static readonly string[] Words =
    [
        "news", "中文", "报道", "_", "__", "[", "]", "(", ")", "<", ">", "|", "~", "&", "&amp;", "#", "!", "\\", "`",
        "-", "+", "1.", "2)", "“", "”", "。", "，", "：", "'", "\"", "snake_case", "https://example.com/x", "=", ":", "%",
    ];

    private readonly Random _random = new(seed);

    public Article Next()
    {
        var body = Blocks(depth: 0, count: _random.Next(1, 8));
        var metadata = new ArticleMetadata($"site/{seed}", null, new SiteInfo("site", "站点"), Text(1, 6), "https://example.com/a?b=1&c=2",
            new PublishedTime(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(8)), DateSource.BodyWithZone, DatePrecision.Second, null),
            new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero), [Text(1, 2)], _random.Next(2) == 0 ? "zh-Hans" : "en", "", null,
            Tags: [Text(1, 2)]);
        var related = _random.Next(3) == 0 ? ImmutableArray.Create(new RelatedLink("https://example.com/r", _random.Next(2) == 0 ? null : Text(1, 3))) : [];
        return ArticleAssembler.Assemble(metadata, body, related, []);
    }

    private ImmutableArray<Block> Blocks(int depth, int count)
    {
        var blocks = ImmutableArray.CreateBuilder<Block>();
        for (var i = 0; i < count; i++)
        {
            // A rule only at the top: Markdig ends a list at an indented *** after an item's paragraph (see the report).
            blocks.Add(_random.Next(depth > 1 ? 5 : depth > 0 ? 9 : 10) switch
            {
                0 or 1 or 2 => new ParagraphBlock(Inlines(0)),
                3 => new HeadingBlock(_random.Next(1, 7), Inlines(1)),
                4 => new FigureBlock("https://img.example.com/" + _random.Next(100) + ".jpg", Maybe(), Maybe(), Maybe()),
                5 => new QuoteBlock(Blocks(depth + 1, _random.Next(1, 3))),
                6 => new ListBlock(_random.Next(2) == 0, [.. Enumerable.Range(0, _random.Next(1, 4)).Select(_ => new ListItem(Blocks(depth + 1, _random.Next(1, 3))))],
                    _random.Next(3)),
                7 => new TableBlock([.. Enumerable.Range(0, _random.Next(1, 4)).Select(r => new TableRow(
                    [.. Enumerable.Range(0, 3).Select(_ => new TableCell(Inlines(1), _random.Next(6) == 0 ? 2 : 1))], r == 0))], Maybe()),
                8 => new EmbedBlock((EmbedKind)_random.Next(4), "https://video.example.com/" + _random.Next(9), Maybe()),
                _ => new RuleBlock(),
            });
        }
        return blocks.ToImmutable();
    }

    private ImmutableArray<Inline> Inlines(int depth)
    {
        var inlines = ImmutableArray.CreateBuilder<Inline>();
        var count = _random.Next(1, 5);
        var styled = false;
        for (var i = 0; i < count; i++)
        {
            // Emphasis holds text and never touches other emphasis: runs like "**a*" + "**b***" are where the writer's
            // delimiters and CommonMark's pairing rules part (see the report), not something the reader can mend.
            var kind = styled ? _random.Next(3) : _random.Next(depth > 0 ? 1 : 7);
            styled = kind is 3 or 4;
            inlines.Add(kind switch
            {
                0 or 1 or 2 => new TextInline(Text(1, 6)),
                3 => new EmphasisInline([new TextInline(Text(1, 4))]),
                4 => new StrongInline([new TextInline(Text(1, 4))]),
                5 => new LinkInline("https://example.com/" + _random.Next(50) + (_random.Next(3) == 0 ? "?q=a&amp;b" : ""), Inlines(depth + 1)),
                _ => LineBreakInline.Instance,
            });
        }
        return inlines.ToImmutable();
    }

    private string Maybe() => _random.Next(2) == 0 ? "" : Text(1, 4);

    private string Text(int min, int max)
    {
        var text = new StringBuilder();
        var words = _random.Next(min, max + 1);
        for (var i = 0; i < words; i++)
        {
            if (i > 0 && _random.Next(3) > 0) text.Append(' ');
            text.Append(Words[_random.Next(Words.Length)]);
        }
        return text.ToString();
    }
}
