using AngleSharp.Dom;
using Convertify.Archive.Sites;
using Convertify.Errors;

namespace Convertify.Archive.Html;

/// <summary>
/// Passes over the parsed body before conversion: lifts the leading metadata (<see cref="LeadingMetadata"/>), removes
/// the feed footer, the blocks the sites' profiles remove (the CDT info card) and app promotions, then computes the
/// subtree facts the converter uses to recognise figures (<see cref="NodeStatsPass"/>). All passes are iterative, so
/// deep nesting cannot overflow the stack.
/// </summary>
internal sealed class BodyPreprocessor(string path, ArchiveReaderOptions options, ImageResolver images, WarningLog warnings)
{
    private readonly LeadingMetadata _lead = new(warnings);

    public BodyMetadata Metadata => _lead.Metadata;

    public Dictionary<IElement, NodeStats> Run(IElement body)
    {
        var survey = Survey(body);
        _lead.Lift(body);
        FeedFooter.Remove(body, survey.Footers, warnings);
        foreach (var (site, block) in survey.SiteBlocks)
        {
            site.RemoveBlock(block, Metadata, warnings);
        }
        RemovePromotions(survey.Promotions);
        return NodeStatsPass.Compute(body, images, survey.Elements);
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
            if (Array.Find(SiteCatalog.Profiles, site => site.IsRemovedBlock(e)) is { } site)
            {
                findings.SiteBlocks.Add((site, e));
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

        public List<(SiteProfile Site, IElement Block)> SiteBlocks { get; } = [];

        public List<IElement> Promotions { get; } = [];
    }
}
