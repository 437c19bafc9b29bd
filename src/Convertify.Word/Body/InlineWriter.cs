using System.Collections.Immutable;
using Convertify.Model;
using Convertify.Text;
using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Convertify.Word;

/// <summary>Maps inlines to runs: bold and italic as run properties, links as external hyperlinks with the Hyperlink style.</summary>
internal sealed class InlineWriter
{
    private readonly PartRelationships _relationships;
    private readonly bool _cjk;

    public InlineWriter(PartRelationships relationships, bool cjk)
    {
        _relationships = relationships;
        _cjk = cjk;
    }

    /// <summary>Appends the runs of <paramref name="inlines"/> to <paramref name="paragraph"/>.</summary>
    public void Append(OpenXmlElement paragraph, ImmutableArray<Inline> inlines) => Append(paragraph, inlines, default);

    /// <summary>Appends one run of plain text.</summary>
    public void AppendText(OpenXmlElement parent, string text) => AppendRun(parent, text, default);

    /// <summary>Appends a hyperlink to <paramref name="url"/> showing <paramref name="text"/> (plain text when the URL cannot be linked).</summary>
    public void AppendLink(OpenXmlElement parent, string url, string text)
    {
        var target = LinkTargets.ToTarget(url);
        if (target is null)
        {
            AppendRun(parent, text, default);
            return;
        }
        var link = new W.Hyperlink { Id = _relationships.Hyperlink(target), History = true };
        AppendRun(link, text, new Format(false, false, true));
        parent.AppendChild(link);
    }

    /// <summary>Appends a line break run.</summary>
    public static void AppendBreak(OpenXmlElement parent) => parent.AppendChild(new W.Run(new W.Break()));

    private readonly record struct Format(bool Bold, bool Italic, bool Link);

    private void Append(OpenXmlElement parent, ImmutableArray<Inline> inlines, Format format)
    {
        if (inlines.IsDefault)
        {
            return;
        }
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextInline t:
                    AppendRun(parent, t.Text, format);
                    break;
                case StrongInline s:
                    Append(parent, s.Inlines, format with { Bold = true });
                    break;
                case EmphasisInline e:
                    Append(parent, e.Inlines, format with { Italic = true });
                    break;
                case LineBreakInline:
                    var run = new W.Run();
                    if (Properties(format, false) is { } properties)
                    {
                        run.AppendChild(properties);
                    }
                    run.AppendChild(new W.Break());
                    parent.AppendChild(run);
                    break;
                case LinkInline l:
                    AppendLink(parent, l, format);
                    break;
            }
        }
    }

    private void AppendLink(OpenXmlElement parent, LinkInline link, Format format)
    {
        var target = format.Link ? null : LinkTargets.ToTarget(link.Url);
        if (target is null)
        {
            Append(parent, link.Inlines, format);
            return;
        }
        var element = new W.Hyperlink { Id = _relationships.Hyperlink(target), History = true };
        var tooltip = XmlSafeText.Clean(link.Title);
        if (tooltip.Length > 0)
        {
            element.Tooltip = tooltip.Length > 255 ? tooltip[..255] : tooltip;
        }
        Append(element, link.Inlines, format with { Link = true });
        if (element.HasChildren)
        {
            parent.AppendChild(element);
        }
    }

    private void AppendRun(OpenXmlElement parent, string text, Format format)
    {
        text = XmlSafeText.Clean(text ?? string.Empty);
        if (text.Length == 0)
        {
            return;
        }
        var run = new W.Run();
        if (Properties(format, _cjk && HasAmbiguousWidth(text)) is { } properties)
        {
            run.AppendChild(properties);
        }
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '\t')
            {
                AddText(run, text, start, i);
                if (c == '\n')
                {
                    run.AppendChild(new W.Break());
                }
                else if (c == '\t')
                {
                    run.AppendChild(new W.TabChar());
                }
                start = i + 1;
            }
        }
        AddText(run, text, start, text.Length);
        parent.AppendChild(run);
    }

    private static void AddText(W.Run run, string text, int start, int end)
    {
        if (end <= start)
        {
            return;
        }
        var piece = start == 0 && end == text.Length ? text : text[start..end];
        var element = new W.Text(piece);
        if (char.IsWhiteSpace(piece[0]) || char.IsWhiteSpace(piece[^1]) || piece.Contains("  ", StringComparison.Ordinal))
        {
            element.Space = SpaceProcessingModeValues.Preserve;
        }
        run.AppendChild(element);
    }

    private static W.RunProperties? Properties(Format format, bool eastAsiaHint)
    {
        if (!format.Bold && !format.Italic && !format.Link && !eastAsiaHint)
        {
            return null;
        }
        var properties = new W.RunProperties();
        if (format.Link)
        {
            properties.AppendChild(new W.RunStyle { Val = StyleIds.Hyperlink });
        }
        if (eastAsiaHint)
        {
            properties.AppendChild(new W.RunFonts { Hint = W.FontTypeHintValues.EastAsia });
        }
        if (format.Bold)
        {
            properties.AppendChild(new W.Bold());
            properties.AppendChild(new W.BoldComplexScript());
        }
        if (format.Italic)
        {
            properties.AppendChild(new W.Italic());
            properties.AppendChild(new W.ItalicComplexScript());
        }
        return properties;
    }

    // Quotes, dashes, ellipses and the middle dot are shared by Latin and CJK fonts; the hint makes Word use the CJK font for them.
    private static bool HasAmbiguousWidth(string text) =>
        text.AsSpan().IndexOfAny("\u2018\u2019\u201C\u201D\u2014\u2026\u00B7") >= 0;
}
