using System.Collections.Concurrent;
using System.Text;

namespace Convertify.Word;

/// <summary>
/// The parts that do not depend on the article's content — style sheet, font table, settings, the abstract
/// numbering definitions — rendered once per language profile and cached as UTF-8 bytes.
/// </summary>
internal static class StaticParts
{
    private const string LatinBodyFont = "Georgia";
    private const string LatinHeadingFont = "Arial";

    private static readonly ConcurrentDictionary<string, Rendered> Cache = new(StringComparer.Ordinal);

    /// <summary>The rendered parts of one profile.</summary>
    internal sealed record Rendered(byte[] Styles, byte[] FontTable, byte[] Settings);

    /// <summary>The cached parts for <paramref name="profile"/> (and an optional East Asian font override).</summary>
    public static Rendered For(LanguageProfile profile, string? eastAsianFont)
    {
        var key = profile.Key + "|" + profile.LatinLanguage + "|" + eastAsianFont;
        return Cache.GetOrAdd(key, static (_, state) => Render(state.profile, state.eastAsianFont), (profile, eastAsianFont));
    }

    private static Rendered Render(LanguageProfile profile, string? eastAsianFont)
    {
        var chosen = string.IsNullOrWhiteSpace(eastAsianFont) ? null : Convertify.Text.XmlSafeText.Clean(eastAsianFont.Trim());
        var bodyEa = chosen ?? profile.EastAsianBodyFont;
        var headingEa = chosen ?? profile.EastAsianHeadingFont;
        return new Rendered(
            Encoding.UTF8.GetBytes(Styles(profile, bodyEa, headingEa)),
            Encoding.UTF8.GetBytes(FontTable(bodyEa, headingEa)),
            Encoding.UTF8.GetBytes(Settings(profile)));
    }

    private static string Lang(LanguageProfile profile) =>
        profile.EastAsianLanguage is null
            ? $"""<w:lang w:val="{profile.LatinLanguage}" w:eastAsia="zh-CN" w:bidi="ar-SA"/>"""
            : $"""<w:lang w:val="{profile.LatinLanguage}" w:eastAsia="{profile.EastAsianLanguage}" w:bidi="ar-SA"/>""";

    private static string HeadingFonts(string headingEa) =>
        $"""<w:rFonts w:ascii="{LatinHeadingFont}" w:hAnsi="{LatinHeadingFont}" w:eastAsia="{headingEa}" w:cs="{LatinHeadingFont}"/>""";

    private static string Styles(LanguageProfile profile, string bodyEa, string headingEa)
    {
        bodyEa = System.Security.SecurityElement.Escape(bodyEa);
        headingEa = System.Security.SecurityElement.Escape(headingEa);
        var hint = profile.IsCjk ? " w:hint=\"eastAsia\"" : string.Empty;
        // Synthetic italics of CJK glyphs look broken, so CJK quotes and captions rely on colour and rules instead.
        var italic = profile.IsCjk ? string.Empty : "<w:i/><w:iCs/>";
        var justify = profile.IsCjk ? "<w:jc w:val=\"both\"/>" : string.Empty;
        var headingFonts = HeadingFonts(headingEa);
        return $"""
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{LatinBodyFont}" w:hAnsi="{LatinBodyFont}" w:eastAsia="{bodyEa}" w:cs="{LatinBodyFont}"{hint}/><w:kern w:val="2"/><w:sz w:val="22"/><w:szCs w:val="22"/>{Lang(profile)}</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="{StyleIds.Normal}"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl/></w:pPr></w:style><w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style><w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style><w:style w:type="paragraph" w:styleId="{StyleIds.BodyText}"><w:name w:val="Body Text"/><w:basedOn w:val="{StyleIds.Normal}"/><w:qFormat/><w:pPr><w:spacing w:after="180"/>{justify}</w:pPr></w:style><w:style w:type="paragraph" w:styleId="{StyleIds.Title}"><w:name w:val="Title"/><w:basedOn w:val="{StyleIds.Normal}"/><w:next w:val="{StyleIds.Subtitle}"/><w:uiPriority w:val="10"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="0" w:after="120" w:line="240" w:lineRule="auto"/><w:outlineLvl w:val="9"/></w:pPr><w:rPr>{headingFonts}<w:b/><w:bCs/><w:color w:val="1F2937"/><w:kern w:val="28"/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="{StyleIds.Subtitle}"><w:name w:val="Subtitle"/><w:basedOn w:val="{StyleIds.Normal}"/><w:next w:val="{StyleIds.BodyText}"/><w:uiPriority w:val="11"/><w:qFormat/><w:pPr><w:spacing w:after="60"/></w:pPr><w:rPr><w:color w:val="4B5563"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style><w:style w:type="paragraph" w:customStyle="1" w:styleId="{StyleIds.Metadata}"><w:name w:val="Article Metadata"/><w:basedOn w:val="{StyleIds.Normal}"/><w:next w:val="{StyleIds.BodyText}"/><w:qFormat/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:color w:val="6B7280"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="{StyleIds.Normal}"/><w:next w:val="{StyleIds.BodyText}"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr>{headingFonts}<w:b/><w:bCs/><w:color w:val="1F2937"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="{StyleIds.Normal}"/><w:next w:val="{StyleIds.BodyText}"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="280" w:after="100"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr>{headingFonts}<w:b/><w:bCs/><w:color w:val="1F2937"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="{StyleIds.Normal}"/><w:next w:val="{StyleIds.BodyText}"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr>{headingFonts}<w:b/><w:bCs/><w:color w:val="374151"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="{StyleIds.Caption}"><w:name w:val="caption"/><w:basedOn w:val="{StyleIds.Normal}"/><w:next w:val="{StyleIds.BodyText}"/><w:uiPriority w:val="35"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:spacing w:before="0" w:after="240" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr><w:rPr>{italic}<w:color w:val="4B5563"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="{StyleIds.Quote}"><w:name w:val="Quote"/><w:basedOn w:val="{StyleIds.Normal}"/><w:next w:val="{StyleIds.BodyText}"/><w:uiPriority w:val="29"/><w:qFormat/><w:pPr><w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="D1D5DB"/></w:pBdr><w:spacing w:before="120" w:after="120"/><w:ind w:left="567" w:right="567"/></w:pPr><w:rPr>{italic}<w:color w:val="374151"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="{StyleIds.ListParagraph}"><w:name w:val="List Paragraph"/><w:basedOn w:val="{StyleIds.Normal}"/><w:uiPriority w:val="34"/><w:qFormat/><w:pPr><w:spacing w:after="80"/><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style><w:style w:type="paragraph" w:customStyle="1" w:styleId="{StyleIds.Figure}"><w:name w:val="Figure"/><w:basedOn w:val="{StyleIds.Normal}"/><w:next w:val="{StyleIds.Caption}"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr></w:style><w:style w:type="paragraph" w:customStyle="1" w:styleId="{StyleIds.Separator}"><w:name w:val="Separator"/><w:basedOn w:val="{StyleIds.Normal}"/><w:next w:val="{StyleIds.BodyText}"/><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="D1D5DB"/></w:pBdr><w:spacing w:before="120" w:after="240"/></w:pPr></w:style><w:style w:type="paragraph" w:customStyle="1" w:styleId="{StyleIds.TableText}"><w:name w:val="Table Text"/><w:basedOn w:val="{StyleIds.Normal}"/><w:qFormat/><w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="{StyleIds.Normal}"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr><w:rPr><w:color w:val="6B7280"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style><w:style w:type="character" w:styleId="{StyleIds.Hyperlink}"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style><w:style w:type="table" w:styleId="{StyleIds.Table}"><w:name w:val="Article Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="9CA3AF"/><w:left w:val="single" w:sz="4" w:space="0" w:color="9CA3AF"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="9CA3AF"/><w:right w:val="single" w:sz="4" w:space="0" w:color="9CA3AF"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="D1D5DB"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="D1D5DB"/></w:tblBorders></w:tblPr><w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/><w:color w:val="111827"/></w:rPr><w:tblPr/><w:trPr><w:tblHeader/></w:trPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="E5E7EB"/></w:tcPr></w:tblStylePr></w:style></w:styles>
""";
    }

    private static string FontTable(string bodyEa, string headingEa)
    {
        var builder = new StringBuilder();
        builder.Append("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""").Append('\n');
        builder.Append("""<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">""");
        builder.Append($"""<w:font w:name="{LatinBodyFont}"><w:panose1 w:val="02040502050405020303"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>""");
        builder.Append($"""<w:font w:name="{LatinHeadingFont}"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>""");
        AppendEastAsian(builder, bodyEa, serif: true);
        if (headingEa != bodyEa)
        {
            AppendEastAsian(builder, headingEa, serif: false);
        }
        builder.Append("</w:fonts>");
        return builder.ToString();
    }

    // The charset and the alternative name let Word substitute a system font (SimSun, PMingLiU, …) where Noto CJK is missing.
    private static void AppendEastAsian(StringBuilder builder, string name, bool serif)
    {
        var (charset, alternative) = name switch
        {
            _ when name.EndsWith(" TC", StringComparison.Ordinal) || name.EndsWith(" HK", StringComparison.Ordinal) => ("88", serif ? "PMingLiU" : "Microsoft JhengHei"),
            _ when name.EndsWith(" JP", StringComparison.Ordinal) => ("80", serif ? "MS Mincho" : "MS Gothic"),
            _ when name.EndsWith(" KR", StringComparison.Ordinal) => ("81", serif ? "Batang" : "Malgun Gothic"),
            _ => ("86", serif ? "SimSun" : "SimHei"),
        };
        builder.Append("<w:font w:name=\"").Append(System.Security.SecurityElement.Escape(name)).Append("\">")
            .Append("<w:altName w:val=\"").Append(alternative).Append("\"/>")
            .Append("<w:charset w:val=\"").Append(charset).Append("\"/>")
            .Append(serif ? "<w:family w:val=\"roman\"/>" : "<w:family w:val=\"swiss\"/>")
            .Append("<w:pitch w:val=\"variable\"/></w:font>");
    }

    private static string Settings(LanguageProfile profile)
    {
        var eastAsia = profile.EastAsianLanguage ?? "zh-CN";
        var spacing = profile.IsCjk ? "compressPunctuation" : "doNotCompress";
        return $"""
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="{spacing}"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="{profile.LatinLanguage}" w:eastAsia="{eastAsia}"/></w:settings>
""";
    }
}
