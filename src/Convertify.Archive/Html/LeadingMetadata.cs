using AngleSharp.Dom;
using Convertify.Archive.Dates;
using Convertify.Archive.Sites;

namespace Convertify.Archive.Html;

/// <summary>
/// Lifts the metadata stated before the body's first paragraph: the feed's date line <c>&lt;i&gt;[AUTHOR&lt;br&gt;]DATE&lt;/i&gt;</c>,
/// a <c>&lt;time&gt;</c> stamp, and what each site's <see cref="SiteProfile.TryLiftLeading"/> takes; the lifted lines
/// are removed from the body once the scan is over.
/// </summary>
internal sealed class LeadingMetadata(WarningLog warnings)
{
    private const int LeadingScanLimit = 60;

    private readonly List<INode> _remove = [];

    public BodyMetadata Metadata { get; } = new();

    /// <summary>A list that could be the byline, waiting for the time stamp that would make it one.</summary>
    public IElement? Byline { get; set; }

    public void Lift(IElement body)
    {
        var seen = 0;
        var stack = new Stack<IElement>();
        PushChildren(stack, body);
        while (stack.Count > 0 && seen++ < LeadingScanLimit)
        {
            var e = stack.Pop();
            var name = e.LocalName;
            if (name is "p" or "img" or "picture" or "figure" or "blockquote" or "table" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "iframe" or "video")
            {
                break;
            }
            if (name is "i" or "em" && e.ParentElement is { LocalName: "div" or "p" } parent && SameText(parent, e) && TryDateLine(e))
            {
                RemoveWithArtefacts(parent);
                continue;
            }
            if (name == "time")
            {
                LiftTime(e);
                continue;
            }
            if (LiftedBySite(e))
            {
                continue;
            }
            if (DirectText(e) > 40)
            {
                break;
            }
            PushChildren(stack, e);
        }
        foreach (var node in _remove)
        {
            node.Parent?.RemoveChild(node);
        }
    }

    /// <summary>Marks <paramref name="node"/> for removal when the scan is over.</summary>
    public void Remove(INode node) => _remove.Add(node);

    /// <summary>Marks a date line for removal, with rfi's literal <c>Array</c> text that may follow it.</summary>
    public void RemoveWithArtefacts(IElement line)
    {
        _remove.Add(line);
        var next = line.NextSibling;
        while (next is IText t && string.IsNullOrWhiteSpace(t.Data))
        {
            next = next.NextSibling;
        }
        if (next is IText artefact && artefact.Data.Trim() == "Array")
        {
            _remove.Add(artefact);
            warnings.Add("text.array-artifact-removed", "stray 'Array' text after the date line removed");
        }
    }

    public void AddAuthors(string text) => Metadata.Authors.AddRange(AuthorNames.Clean(text));

    private static void PushChildren(Stack<IElement> stack, IElement parent)
    {
        // The child nodes by index, last first: Children is a live collection that walks the child nodes on every step.
        var nodes = parent.ChildNodes;
        for (var i = nodes.Length - 1; i >= 0; i--)
        {
            if (nodes[i] is IElement child)
            {
                stack.Push(child);
            }
        }
    }

    private bool LiftedBySite(IElement e)
    {
        foreach (var site in SiteCatalog.Profiles)
        {
            if (site.TryLiftLeading(e, this))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A <c>&lt;time&gt;</c> stamp: its time (not a bare day) when no date was found yet, and the byline waiting for it.</summary>
    private void LiftTime(IElement time)
    {
        var attr = time.AttributeValue("datetime") ?? time.AttributeValue("pudate");
        if (Metadata.Date is null && attr is not null && BodyDateParser.Parse(attr) is { } parsed && parsed.Precision != Model.DatePrecision.Day)
        {
            Metadata.Date = parsed;
        }
        _remove.Add(time);
        if (Byline is not null)
        {
            AddAuthors(Byline.FirstElementChild?.TextContent ?? string.Empty);
            _remove.Add(Byline);
            Byline = null;
        }
    }

    private static int DirectText(IElement e)
    {
        var length = 0;
        var nodes = e.ChildNodes;
        for (var i = 0; i < nodes.Length; i++)
        {
            if (nodes[i] is IText t)
            {
                length += t.Data.AsSpan().Trim().Length;
            }
        }
        return length;
    }

    /// <summary>True when <paramref name="child"/> is all <paramref name="parent"/> shows: its other children are blank text, breaks or comments.</summary>
    private static bool SameText(IElement parent, IElement child) =>
        parent.ChildNodes.All(c => ReferenceEquals(c, child) || c switch
        {
            IText t => string.IsNullOrWhiteSpace(t.Data),
            IElement e => e.LocalName == "br",
            _ => true,
        });

    /// <summary>A date line <c>&lt;i&gt;[AUTHOR&lt;br&gt;]DATE&lt;/i&gt;</c>; relative dates (<c>28 分钟前</c>) are recognised and ignored.</summary>
    private bool TryDateLine(IElement italic)
    {
        var pieces = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var c in italic.ChildNodes)
        {
            if (c is IElement { LocalName: "br" })
            {
                pieces.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c.TextContent);
            }
        }
        pieces.Add(current.ToString());
        var last = pieces.FindLastIndex(p => p.Trim().Length > 0);
        if (last < 0)
        {
            return false;
        }
        var dateText = pieces[last].Trim();
        var date = BodyDateParser.Parse(dateText);
        if (date is null && !IsRelative(dateText))
        {
            return false;
        }
        if (date is not null && Metadata.Date is null)
        {
            Metadata.Date = date;
        }
        for (var i = 0; i < last; i++)
        {
            AddAuthors(pieces[i]);
        }
        return true;
    }

    private static bool IsRelative(string text) =>
        text.Length < 24 && (text.EndsWith('前') || text.EndsWith(" ago", StringComparison.OrdinalIgnoreCase));
}
