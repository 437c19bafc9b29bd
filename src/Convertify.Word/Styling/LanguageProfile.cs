using System.Globalization;
using Convertify.Model;

namespace Convertify.Word;

/// <summary>
/// What the article's language decides in a document: the <c>w:lang</c> values, the East Asian fonts,
/// the labels of the metadata block and how dates are written for people.
/// </summary>
internal sealed record LanguageProfile(
    string Key,
    string LatinLanguage,
    string? EastAsianLanguage,
    string EastAsianBodyFont,
    string EastAsianHeadingFont,
    bool IsCjk,
    bool IsChinese)
{
    private static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>The profile for a BCP 47 tag; unknown tags get an English profile that keeps the tag as the Latin language.</summary>
    public static LanguageProfile For(string? language)
    {
        var tag = (language ?? string.Empty).Trim();
        var lower = tag.ToLowerInvariant();
        if (lower.StartsWith("zh", StringComparison.Ordinal))
        {
            var traditional = lower.Contains("hant", StringComparison.Ordinal) || lower.EndsWith("-tw", StringComparison.Ordinal)
                || lower.EndsWith("-hk", StringComparison.Ordinal) || lower.EndsWith("-mo", StringComparison.Ordinal);
            return traditional
                ? new LanguageProfile("zh-TW", "en-US", lower.EndsWith("-hk", StringComparison.Ordinal) ? "zh-HK" : "zh-TW", "Noto Serif CJK TC", "Noto Sans CJK TC", true, true)
                : new LanguageProfile("zh-CN", "en-US", "zh-CN", "Noto Serif CJK SC", "Noto Sans CJK SC", true, true);
        }
        if (lower.StartsWith("ja", StringComparison.Ordinal))
        {
            return new LanguageProfile("ja-JP", "en-US", "ja-JP", "Noto Serif CJK JP", "Noto Sans CJK JP", true, false);
        }
        if (lower.StartsWith("ko", StringComparison.Ordinal))
        {
            return new LanguageProfile("ko-KR", "en-US", "ko-KR", "Noto Serif CJK KR", "Noto Sans CJK KR", true, false);
        }
        var latin = LatinTag(tag);
        return new LanguageProfile(latin, latin, null, "Noto Serif CJK SC", "Noto Sans CJK SC", false, false);
    }

    /// <summary>Label before the original URL.</summary>
    public string SourceLabel => IsChinese ? "原文链接：" : "Original: ";

    /// <summary>Label before the outlet the article was first published by.</summary>
    public string OriginalSourceLabel => IsChinese ? "原始来源：" : "First published by: ";

    /// <summary>Label before the topic tags.</summary>
    public string TagsLabel => IsChinese ? "标签：" : "Tags: ";

    /// <summary>Label before the archive id.</summary>
    public string IdLabel => IsChinese ? "存档编号：" : "Archive id: ";

    /// <summary>Separator between subtitle parts.</summary>
    public const string SubtitleSeparator = " · ";

    /// <summary>Text of an image placeholder's link.</summary>
    public string ImageLabel => IsChinese ? "图片" : "Image";

    /// <summary>Heading above the related links.</summary>
    public string RelatedLinksHeading => IsChinese ? "相关链接" : "Related links";

    /// <summary>Label of an embed placeholder.</summary>
    public string EmbedLabel(EmbedKind kind) => (IsChinese, kind) switch
    {
        (true, EmbedKind.Video) => "视频",
        (true, EmbedKind.Audio) => "音频",
        (true, EmbedKind.Post) => "帖子",
        (true, _) => "嵌入内容",
        (false, EmbedKind.Video) => "Video",
        (false, EmbedKind.Audio) => "Audio",
        (false, EmbedKind.Post) => "Post",
        _ => "Embedded content",
    };

    /// <summary>
    /// The publication time for people, in the offset it was stated in: <c>2022年12月29日 15:59 (UTC+00:00)</c>
    /// or <c>29 December 2022 15:59 UTC+00:00</c>; a date-only time shows no clock and no zone.
    /// </summary>
    public string FormatPublished(PublishedTime published)
    {
        var value = published.Value;
        var zone = "UTC" + value.ToString("zzz", CultureInfo.InvariantCulture);
        var dateOnly = published.Precision == DatePrecision.Day;
        var clock = value.ToString("HH:mm", CultureInfo.InvariantCulture);
        if (IsCjk)
        {
            var date = string.Create(CultureInfo.InvariantCulture, $"{value.Year}年{value.Month}月{value.Day}日");
            return dateOnly ? date : $"{date} {clock} ({zone})";
        }
        var english = string.Create(CultureInfo.InvariantCulture, $"{value.Day} {EnglishMonths[value.Month - 1]} {value.Year}");
        return dateOnly ? english : $"{english} {clock} {zone}";
    }

    private static string LatinTag(string tag)
    {
        if (tag.Length == 0)
        {
            return "en-US";
        }
        var lower = tag.ToLowerInvariant();
        return lower switch
        {
            "en" => "en-US",
            "de" => "de-DE",
            "fr" => "fr-FR",
            "es" => "es-ES",
            "ru" => "ru-RU",
            "vi" => "vi-VN",
            _ => IsPlainTag(tag) ? tag : "en-US",
        };
    }

    private static bool IsPlainTag(string tag)
    {
        foreach (var c in tag)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }
        return tag.Length <= 35;
    }
}
