using AngleSharp.Dom;
using Convertify.Archive.Sites;
using Convertify.Errors;

namespace Convertify.Archive.Html;

/// <summary>
/// Passes over the parsed body before conversion: removes the sites' info boxes (the CDT archive card), keeping their
/// facts, lifts the leading metadata (<see cref="LeadingMetadata"/>), removes the feed footer and app promotions, then
/// computes the subtree facts the converter uses to recognise figures (<see cref="NodeStatsPass"/>). All passes are
/// iterative, so deep nesting cannot overflow the stack.
/// </summary>
internal sealed class BodyPreprocessor(string path, ArchiveReaderOptions options, ImageResolver images, WarningLog warnings)
{
    // The sites' info boxes in catalogue order, gathered once: the survey asks every element about each.
    private static readonly InfoBox[] InfoBoxes = [.. SiteCatalog.Profiles.Select(site => site.InfoBox).OfType<InfoBox>()];

    private readonly LeadingMetadata _lead = new(warnings);

    public BodyMetadata Metadata => _lead.Metadata;

    /// <summary>The boilerplate elements the statistics pass met, with their reasons; null when it did not go inside the body (<see cref="NodeStatsPass.Compute"/>).</summary>
    public Dictionary<IElement, string>? Boilerplate { get; private set; }

    public Dictionary<IElement, NodeStats> Run(IElement body)
    {
        var survey = Survey(body);
        // Info boxes go first, so the leading scan neither takes a line of one nor stops at one's text; the survey
        // found them last first.
        for (var i = survey.InfoBoxes.Count - 1; i >= 0; i--)
        {
            LiftInfoBox(survey.InfoBoxes[i].Box, survey.InfoBoxes[i].Block);
        }
        _lead.Lift(body);
        FeedFooter.Remove(body, survey.Footers, warnings);
        RemovePromotions(survey.Promotions);
        var stats = NodeStatsPass.Compute(body, images, out var boilerplate);
        Boilerplate = boilerplate;
        return stats;
    }

    /// <summary>One pass over the tree: enforces the element limit and finds the feed footer, the sites' removed blocks and app promotions.</summary>
    private Findings Survey(IElement body)
    {
        var findings = new Findings();
        var stack = new Stack<IElement>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            if (++findings.Elements > options.MaxElements)
            {
                throw new ArticleFormatException(path, FormatProblem.LimitExceeded, $"the body has more than {options.MaxElements:N0} HTML elements");
            }
            if (FindInfoBox(e) is { } box)
            {
                findings.InfoBoxes.Add((box, e));
                continue;
            }
            var nodes = e.ChildNodes;
            for (var i = 0; i < nodes.Length; i++)
            {
                switch (nodes[i])
                {
                    case IText t when FeedFooter.IsFooterText(t.Data):
                        if (findings.Footers.Count == 0 || !ReferenceEquals(findings.Footers[^1], e))
                        {
                            findings.Footers.Add(e);
                        }
                        break;
                    case IText t when IsPromotion(e, t):
                        findings.Promotions.Add(e);
                        break;
                    case IElement child:
                        stack.Push(child);
                        break;
                }
            }
        }
        return findings;
    }

    /// <summary>The first site's info box that <paramref name="e"/> is, if any.</summary>
    private static InfoBox? FindInfoBox(IElement e)
    {
        foreach (var box in InfoBoxes)
        {
            if (box.Is(e))
            {
                return box;
            }
        }
        return null;
    }

    /// <summary>
    /// A site's notice asking readers to install its app or subscribe (ft: <c>来自FT中文网的温馨提示：…下载…官方应用，付费订阅</c>):
    /// a short block whose text opens with <c>来自…的温馨提示</c> and speaks of apps or subscriptions.
    /// </summary>
    private static bool IsPromotion(IElement e, IText t)
    {
        var text = t.Data.AsSpan().TrimStart();
        if (!(text.StartsWith("来自") || text.StartsWith("來自")) || (!text.Contains("温馨提示", StringComparison.Ordinal) && !text.Contains("溫馨提示", StringComparison.Ordinal)))
        {
            return false;
        }
        var whole = e.TextContent;
        return e.LocalName is "div" or "p" && whole.Length < 300
            && (whole.Contains("应用", StringComparison.Ordinal) || whole.Contains("應用", StringComparison.Ordinal)
                || whole.Contains("订阅", StringComparison.Ordinal) || whole.Contains("訂閱", StringComparison.Ordinal));
    }

    /// <summary>Removes a site's info box (and the wrapper it leaves empty), keeping its facts; the first box's date and source win.</summary>
    private void LiftInfoBox(InfoBox box, IElement block)
    {
        var facts = box.Read(block);
        // A second box's date or source is not kept (the first one's is), so its warning does not claim them.
        if (Metadata.InfoBoxDate is null)
        {
            Metadata.InfoBoxDate = facts.Published;
        }
        else
        {
            facts.Published = null;
        }
        if (Metadata.OriginalSource is null)
        {
            Metadata.OriginalSource = facts.Source;
        }
        else
        {
            facts.Source = null;
        }
        AddNew(Metadata.Authors, facts.Authors);
        AddNew(Metadata.Tags, facts.Tags);
        var holder = block.ParentElement;
        block.Remove();
        if (holder is { LocalName: "div", ChildElementCount: 0 } && holder.TextContent.Trim().Length == 0)
        {
            holder.Remove();
        }
        warnings.Add("boilerplate.info-card", facts.Describe() is { } kept
            ? $"{box.Name} removed; {kept} kept in the metadata"
            : $"{box.Name} removed; it stated nothing kept in the metadata");

        static void AddNew(List<string> list, List<string> values)
        {
            foreach (var value in values)
            {
                if (!list.Contains(value, StringComparer.Ordinal))
                {
                    list.Add(value);
                }
            }
        }
    }

    private void RemovePromotions(List<IElement> promotions)
    {
        foreach (var promotion in promotions)
        {
            promotion.Remove();
            warnings.Add("boilerplate.promotion", "site app/subscription notice removed");
        }
    }

    private sealed class Findings
    {
        public int Elements { get; set; }

        public List<IElement> Footers { get; } = [];

        public List<(InfoBox Box, IElement Block)> InfoBoxes { get; } = [];

        public List<IElement> Promotions { get; } = [];
    }
}
