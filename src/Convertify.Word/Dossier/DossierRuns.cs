using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Convertify.Word;

/// <summary>
/// Adapts an article's rendered body to its place in a dossier: its headings move one level down (Heading 1 is the
/// article's title there), and every run states the article's languages and East Asian font, since the style sheet is
/// shared by articles in different languages.
/// </summary>
internal static class DossierRuns
{
    public static void Adapt(IEnumerable<OpenXmlElement> elements, LanguageProfile profile, string? eastAsianFont, bool shiftHeadings)
    {
        var chosen = string.IsNullOrWhiteSpace(eastAsianFont) ? null : Convertify.Text.XmlSafeText.Clean(eastAsianFont.Trim());
        foreach (var element in elements)
        {
            IEnumerable<W.Paragraph> paragraphs = element is W.Paragraph p ? [p] : element.Descendants<W.Paragraph>();
            foreach (var paragraph in paragraphs)
            {
                var style = paragraph.ParagraphProperties?.ParagraphStyleId;
                var isHeading = style?.Val?.Value is { } id && (id.StartsWith("Heading", StringComparison.Ordinal) || id == StyleIds.Title);
                if (shiftHeadings && style?.Val?.Value is { } level && level.StartsWith("Heading", StringComparison.Ordinal)
                    && int.TryParse(level.AsSpan("Heading".Length), out var n))
                {
                    style.Val = StyleIds.Heading(n + 1);
                }
                foreach (var run in paragraph.Descendants<W.Run>())
                {
                    var properties = run.RunProperties ?? run.PrependChild(new W.RunProperties());
                    if (profile.IsCjk)
                    {
                        var fonts = properties.RunFonts ??= new W.RunFonts();
                        fonts.EastAsia = chosen ?? (isHeading ? profile.EastAsianHeadingFont : profile.EastAsianBodyFont);
                    }
                    properties.Languages = new W.Languages { Val = profile.LatinLanguage, EastAsia = profile.EastAsianLanguage ?? "zh-CN" };
                }
            }
        }
    }
}
