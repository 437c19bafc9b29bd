using Convertify.Model;

namespace Convertify.Markdown.Internal;

/// <summary>Words the writer adds itself (embed labels, the related-links heading), in the article's language.</summary>
internal sealed class Labels(string video, string audio, string frame, string post, string relatedLinks, string separator)
{
    private static readonly Labels English = new("Video", "Audio", "Embedded content", "Post", "Related links:", ": ");
    private static readonly Labels Simplified = new("视频", "音频", "嵌入内容", "帖子", "相关链接：", "：");
    private static readonly Labels Traditional = new("影片", "音訊", "嵌入內容", "貼文", "相關連結：", "：");

    /// <summary>The line introducing the related-links list, colon included.</summary>
    public string RelatedLinks { get; } = relatedLinks;

    /// <summary>Between a label and a title: a full-width colon in Chinese.</summary>
    public string Separator { get; } = separator;

    /// <summary>The labels for a BCP 47 language tag: Traditional Chinese for zh-Hant/zh-TW/zh-HK/zh-MO, Simplified for other zh, else English.</summary>
    public static Labels For(string? language)
    {
        if (string.IsNullOrEmpty(language) || !language.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
        {
            return English;
        }
        var traditional = language.Contains("Hant", StringComparison.OrdinalIgnoreCase)
            || language.EndsWith("-TW", StringComparison.OrdinalIgnoreCase)
            || language.EndsWith("-HK", StringComparison.OrdinalIgnoreCase)
            || language.EndsWith("-MO", StringComparison.OrdinalIgnoreCase);
        return traditional ? Traditional : Simplified;
    }

    /// <summary>The link text of an embed: <c>视频：title</c>, <c>Video: title</c>, or the bare label when untitled.</summary>
    public string Embed(EmbedKind kind, string title)
    {
        var label = kind switch
        {
            EmbedKind.Video => video,
            EmbedKind.Audio => audio,
            EmbedKind.Post => post,
            _ => frame,
        };
        title = title.Trim();
        return title.Length == 0 ? label : label + Separator + title;
    }
}
