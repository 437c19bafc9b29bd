using Convertify.Model;

namespace Convertify.Markdown.Reader.Internal.Body;

/// <summary>
/// The words the Markdown writer adds itself (its embed labels and the related-links line), in its three languages:
/// recognising them turns its embed links and related-links list back into the blocks they were written from.
/// </summary>
internal sealed class WriterLabels
{
    private static readonly WriterLabels English = new(["Video", "Audio", "Embedded content", "Post"], "Related links:", ": ");
    private static readonly WriterLabels Simplified = new(["视频", "音频", "嵌入内容", "帖子"], "相关链接：", "：");
    private static readonly WriterLabels Traditional = new(["影片", "音訊", "嵌入內容", "貼文"], "相關連結：", "：");

    /// <summary>Every language's labels, for a file whose language is not named.</summary>
    public static IReadOnlyList<WriterLabels> All { get; } = [English, Simplified, Traditional];

    private static readonly EmbedKind[] Kinds = [EmbedKind.Video, EmbedKind.Audio, EmbedKind.Frame, EmbedKind.Post];

    private readonly string[] _embeds;
    private readonly string _separator;

    private WriterLabels(string[] embeds, string relatedLinks, string separator)
    {
        _embeds = embeds;
        RelatedLinks = relatedLinks;
        _separator = separator;
    }

    /// <summary>The paragraph that introduces the related-links list.</summary>
    public string RelatedLinks { get; }

    /// <summary>The labels the writer uses for <paramref name="language"/> (as it chooses them), or all when none is named.</summary>
    public static IReadOnlyList<WriterLabels> For(string? language)
    {
        if (string.IsNullOrEmpty(language))
        {
            return All;
        }
        if (!language.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
        {
            return [English];
        }
        var traditional = language.Contains("Hant", StringComparison.OrdinalIgnoreCase)
            || language.EndsWith("-TW", StringComparison.OrdinalIgnoreCase)
            || language.EndsWith("-HK", StringComparison.OrdinalIgnoreCase)
            || language.EndsWith("-MO", StringComparison.OrdinalIgnoreCase);
        return [traditional ? Traditional : Simplified];
    }

    /// <summary>Whether <paramref name="text"/> is an embed's link text (<c>视频：title</c>, or the bare label); the kind and title when it is.</summary>
    public bool TryEmbed(string text, out EmbedKind kind, out string title)
    {
        for (var i = 0; i < _embeds.Length; i++)
        {
            var label = _embeds[i];
            if (text == label)
            {
                (kind, title) = (Kinds[i], "");
                return true;
            }
            if (text.Length > label.Length + _separator.Length && text.StartsWith(label, StringComparison.Ordinal)
                && text.AsSpan(label.Length).StartsWith(_separator, StringComparison.Ordinal))
            {
                (kind, title) = (Kinds[i], text[(label.Length + _separator.Length)..]);
                return true;
            }
        }
        (kind, title) = (default, "");
        return false;
    }
}
