using System.Globalization;
using System.Text;

namespace Convertify.Word;

/// <summary>
/// Numbering definitions: two cached abstract definitions (bullets; decimal numbers at every level, as HTML shows
/// them; nine levels each) and one
/// numbering instance per ordered list so that each list starts at its own number.
/// </summary>
internal sealed class NumberingPart
{
    /// <summary>The instance every bullet list shares.</summary>
    public const int BulletNumberingId = 1;

    private const int BulletAbstractId = 0;
    private const int DecimalAbstractId = 1;
    private static readonly string AbstractDefinitions = BuildAbstractDefinitions();

    private static readonly byte[] BulletsOnly = System.Text.Encoding.UTF8.GetBytes(new NumberingPart().ToXml());

    private readonly List<(int Id, int Level, int Start)> _ordered = [];

    /// <summary>The part's UTF-8 bytes (cached when the document has no ordered list).</summary>
    public byte[] ToBytes() => _ordered.Count == 0 ? BulletsOnly : Encoding.UTF8.GetBytes(ToXml());

    /// <summary>A new numbering instance for an ordered list at <paramref name="level"/> starting at <paramref name="start"/>.</summary>
    public int AddOrderedList(int level, int start)
    {
        var id = _ordered.Count + 2;
        _ordered.Add((id, level, start));
        return id;
    }

    /// <summary>The part's XML.</summary>
    public string ToXml()
    {
        var builder = new StringBuilder(AbstractDefinitions.Length + 256 + _ordered.Count * 160);
        builder.Append("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""").Append('\n');
        builder.Append("""<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">""");
        builder.Append(AbstractDefinitions);
        builder.Append(CultureInfo.InvariantCulture, $"""<w:num w:numId="{BulletNumberingId}"><w:abstractNumId w:val="{BulletAbstractId}"/></w:num>""");
        foreach (var (id, level, start) in _ordered)
        {
            builder.Append(CultureInfo.InvariantCulture,
                $"""<w:num w:numId="{id}"><w:abstractNumId w:val="{DecimalAbstractId}"/><w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>""");
        }
        builder.Append("</w:numbering>");
        return builder.ToString();
    }

    private static string BuildAbstractDefinitions()
    {
        string[] bullets = ["\u2022", "\u25E6", "\u25AA"];
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"""<w:abstractNum w:abstractNumId="{BulletAbstractId}"><w:nsid w:val="5A3C0001"/><w:multiLevelType w:val="hybridMultilevel"/><w:name w:val="Article Bullets"/>""");
        for (var level = 0; level < 9; level++)
        {
            builder.Append(CultureInfo.InvariantCulture,
                $"""<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="{bullets[level % 3]}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{720 + level * 360}" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial" w:hint="default"/></w:rPr></w:lvl>""");
        }
        builder.Append("</w:abstractNum>");
        builder.Append(CultureInfo.InvariantCulture, $"""<w:abstractNum w:abstractNumId="{DecimalAbstractId}"><w:nsid w:val="5A3C0002"/><w:multiLevelType w:val="hybridMultilevel"/><w:name w:val="Article Numbers"/>""");
        for (var level = 0; level < 9; level++)
        {
            builder.Append(CultureInfo.InvariantCulture,
                $"""<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%{level + 1}."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{720 + level * 360}" w:hanging="360"/></w:pPr></w:lvl>""");
        }
        builder.Append("</w:abstractNum>");
        return builder.ToString();
    }
}
