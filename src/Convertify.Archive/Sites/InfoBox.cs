using AngleSharp.Dom;
using Convertify.Archive.Dates;
using Convertify.Archive.Html;
using Convertify.Model;

namespace Convertify.Archive.Sites;

/// <summary>
/// A box a site puts in its articles that states facts about the article as labelled lines
/// (<c>&lt;strong&gt;label：&lt;/strong&gt;value&lt;br&gt;</c>), in any order, any of them missing. The reader removes the
/// box from the body and keeps the facts of the labels the site maps; other lines (copyright, the site's own
/// collections) are dropped with the box.
/// </summary>
/// <param name="name">How warnings name the box: <c>archive info card (CDT 档案卡)</c>.</param>
/// <param name="classToken">The class the box's outer element carries.</param>
/// <param name="labels">Label (without its colon) → the fact its value states.</param>
internal sealed class InfoBox(string name, string classToken, IReadOnlyDictionary<string, InfoBoxFact> labels)
{
    private static readonly char[] ListSeparators = ['、', '，', ',', ';', '；'];

    public string Name { get; } = name;

    public bool Is(IElement element) =>
        element.AttributeValue("class") is { } c && c.Contains(classToken, StringComparison.Ordinal)
        && c.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(classToken);

    public InfoBoxFacts Read(IElement box)
    {
        var facts = new InfoBoxFacts();
        foreach (var strong in box.QuerySelectorAll("strong"))
        {
            var label = TextAccumulator.Normalize(strong.TextContent).TrimEnd('：', ':').TrimEnd();
            if (!labels.TryGetValue(label, out var fact))
            {
                continue;
            }
            var value = ValueOf(strong);
            var text = TextAccumulator.Normalize(string.Concat(value.Select(n => n.TextContent)));
            var links = value.OfType<IElement>().SelectMany(e => e.LocalName == "a" ? [e] : (IEnumerable<IElement>)e.QuerySelectorAll("a")).ToList();
            switch (fact)
            {
                case InfoBoxFact.Authors:
                    AddNew(facts.Authors, AuthorNames.Clean(text));
                    break;
                case InfoBoxFact.Published:
                    facts.Published ??= BodyDateParser.ParseStatedDay(text);
                    break;
                case InfoBoxFact.Source when text.Length > 0:
                    facts.Source ??= new OriginalSource(text, links.Count == 1 ? AbsoluteHttp(links[0].AttributeValue("href")) : null);
                    break;
                case InfoBoxFact.Tags:
                    AddNew(facts.Tags, links.Count > 0
                        ? links.Select(a => TextAccumulator.Normalize(a.TextContent))
                        : text.Split(ListSeparators, StringSplitOptions.TrimEntries));
                    break;
            }
        }
        return facts;
    }

    /// <summary>The nodes after a label up to the line's break or the next label.</summary>
    private static List<INode> ValueOf(IElement label)
    {
        var nodes = new List<INode>();
        for (var n = label.NextSibling; n is not null && n is not IElement { LocalName: "br" or "strong" }; n = n.NextSibling)
        {
            nodes.Add(n);
        }
        return nodes;
    }

    private static void AddNew(List<string> list, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            if (value.Length > 0 && !list.Contains(value, StringComparer.Ordinal))
            {
                list.Add(value);
            }
        }
    }

    private static string? AbsoluteHttp(string? href) =>
        Uri.TryCreate(href?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
            ? uri.AbsoluteUri : null;
}
