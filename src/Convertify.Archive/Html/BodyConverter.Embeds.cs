using AngleSharp.Dom;
using Convertify.Model;

namespace Convertify.Archive.Html;

/// <summary>Video, audio and frames: an embed block when the source is usable.</summary>
internal sealed partial class BodyConverter
{
    private void VisitEmbed(IElement e, BlockContext context)
    {
        var raw = e.AttributeValue("src") ?? e.AttributeValue("data-src");
        if (string.IsNullOrWhiteSpace(raw))
        {
            raw = e.Children.FirstOrDefault(c => c.LocalName == "source" && !string.IsNullOrWhiteSpace(c.AttributeValue("src")))?.AttributeValue("src") ?? raw;
        }
        var url = _urls.Resolve(raw);
        if (url is null || !url.StartsWith("http", StringComparison.Ordinal))
        {
            _warnings.Add("embed.dropped", $"<{e.LocalName}> without a usable source removed");
            return;
        }
        var kind = e.LocalName switch
        {
            "video" => EmbedKind.Video,
            "audio" => EmbedKind.Audio,
            _ => IsSocialHost(url) ? EmbedKind.Post : EmbedKind.Frame,
        };
        Flush(context);
        AddBlock(context, new EmbedBlock(kind, url, e.AttributeValue("title")?.Trim() ?? string.Empty));
    }

    private static bool IsSocialHost(string url) =>
        url.Contains("twitter.com", StringComparison.OrdinalIgnoreCase) || url.Contains("//x.com", StringComparison.OrdinalIgnoreCase)
        || url.Contains("facebook.com", StringComparison.OrdinalIgnoreCase) || url.Contains("instagram.com", StringComparison.OrdinalIgnoreCase);
}
