using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Convertify.Archive.Html;
using Convertify.Testing;

namespace Convertify.Archive.Tests;

/// <summary>The body is parsed as a document's body; the tree must be the one AngleSharp's fragment parsing (body context) builds.</summary>
public sealed class FragmentParserTests
{
    private static readonly string[] Stray =
    [
        "</body>", "<body class=\"x\">", "</html>", "<html lang=\"en\">", "<head>", "</head>", "<frameset>", "<table>", "</table>", "<tr>",
        "<td>", "</p>", "<p>", "<li>", "</div>", "<div>", "<b>", "</i>", "<a href=\"x\">", "</a>", "<select>", "<option>", "<template>",
        "</template>", "<svg>", "</svg>", "<math>", "<title>", "<textarea>", "<script>", "</script>", "<style>", "<noscript>", "<!--", "-->",
        "<xmp>", "<iframe>", "<form>", "</form>", "<h1>", "</h2>", "<br>", "</br>", "<caption>", "<col>", "<!DOCTYPE html>", "<meta charset=x>",
    ];

    [Fact]
    public void Builds_the_tree_of_fragment_parsing_on_corpus_fixture_and_broken_markup()
    {
        var bodies = Corpus.ArticleFiles().Concat(Directory.GetFiles(TestPaths.Fixtures, "*.md", SearchOption.AllDirectories))
            .Select(f => File.ReadAllText(f).Split('\n', 5)).Where(parts => parts.Length == 5).Select(parts => parts[4]).ToList();
        bodies.Count.ShouldBeGreaterThan(100);
        var reference = new HtmlParser(new HtmlParserOptions { IsScripting = false, DisableElementPositionTracking = true, SkipComments = true });
        var context = reference.ParseDocument("<!DOCTYPE html><html><body></body></html>").Body!;
        var parser = new FragmentParser();
        var random = new Random(20261124);
        var failures = new List<string>();
        for (var n = 0; n < bodies.Count + 3000; n++)
        {
            var html = n < bodies.Count ? bodies[n] : Mutate(bodies[random.Next(bodies.Count)], random);
            var expected = Shape(reference.ParseFragment(html, context));
            var actual = Shape(parser.Parse(html).ChildNodes);
            if (expected != actual)
            {
                failures.Add(html.Length <= 200 ? html : html[..200]);
            }
        }
        failures.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("<frameset><frame src=\"a.html\"></frameset><p>after the frames</p>")]
    [InlineData("<body class=\"hidden\"><p>text</p>")]
    public void A_fragment_a_document_body_cannot_hold_is_still_parsed_as_a_fragment(string html)
    {
        // A leading frameset takes the body's place in a document: such a fragment goes through fragment parsing.
        var reference = new HtmlParser(new HtmlParserOptions { IsScripting = false, SkipComments = true });
        var context = reference.ParseDocument("<!DOCTYPE html><html><body></body></html>").Body!;
        var root = new FragmentParser().Parse(html);
        Shape(root.ChildNodes).ShouldBe(Shape(reference.ParseFragment(html, context)));
        root.Attributes.Length.ShouldBe(0);
    }

    /// <summary>A piece of a real body with stray document-level and misnested tags put in.</summary>
    private static string Mutate(string body, Random random)
    {
        var length = Math.Min(body.Length, random.Next(0, 400));
        var piece = new StringBuilder(body.Substring(random.Next(0, Math.Max(1, body.Length - length)), length));
        for (var k = random.Next(1, 5); k > 0; k--)
        {
            piece.Insert(random.Next(0, piece.Length + 1), Stray[random.Next(Stray.Length)]);
        }
        return piece.ToString();
    }

    /// <summary>Elements and text as the converter sees them: comments left out, adjacent text joined.</summary>
    private static string Shape(INodeList nodes)
    {
        var shape = new StringBuilder();
        Append(nodes, shape);
        return shape.ToString();

        static void Append(INodeList nodes, StringBuilder shape)
        {
            var text = new StringBuilder();
            foreach (var node in nodes)
            {
                if (node is IText t)
                {
                    text.Append(t.Data);
                    continue;
                }
                if (node is not IElement e)
                {
                    continue;
                }
                if (text.Length > 0)
                {
                    shape.Append('[').Append(text).Append(']');
                    text.Clear();
                }
                shape.Append('<').Append(e.LocalName);
                foreach (var a in e.Attributes)
                {
                    shape.Append(' ').Append(a.Name).Append("=\"").Append(a.Value).Append('"');
                }
                shape.Append('>');
                Append(e is AngleSharp.Html.Dom.IHtmlTemplateElement template ? template.Content.ChildNodes : e.ChildNodes, shape);
                shape.Append("</").Append(e.LocalName).Append('>');
            }
            if (text.Length > 0)
            {
                shape.Append('[').Append(text).Append(']');
            }
        }
    }
}
