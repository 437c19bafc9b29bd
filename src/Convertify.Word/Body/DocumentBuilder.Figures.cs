using System.Globalization;
using Convertify.Model;
using Convertify.Text;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Convertify.Word;

internal sealed partial class DocumentBuilder
{
    private const long EmuPerPixel = 9525;
    private const long EmuPerTwip = 635;
    private const long MaxWidthEmu = TextWidthTwips * EmuPerTwip;
    private const long MaxHeightEmu = (16838 - 2 * 1440) * EmuPerTwip * 3 / 4;

    private readonly Dictionary<string, (string RelationshipId, EmbeddedImage Image)?> _embedded = new(StringComparer.Ordinal);
    private readonly int _mediaBefore;
    private uint _drawingId;

    private void AppendFigure(FigureBlock figure)
    {
        var url = figure.ImageUrl ?? string.Empty;
        var picture = Resolve(url);
        var paragraph = Paragraph(StyleIds.Figure);
        var alt = XmlSafeText.Clean(figure.Alt ?? string.Empty).Trim();
        var caption = XmlSafeText.Clean(figure.Caption ?? string.Empty).Trim();
        var credit = XmlSafeText.Clean(figure.Credit ?? string.Empty).Trim();
        if (picture is { } p)
        {
            paragraph.AppendChild(new W.Run(Drawing(p.RelationshipId, p.Image, alt)));
        }
        else
        {
            // The caption is printed under the placeholder: alt text that only repeats it is left out of the label.
            var label = alt.Length > 0 && !SameWords(alt, caption)
                ? (_profile.IsChinese ? $"[{_profile.ImageLabel}：{alt}]" : $"[{_profile.ImageLabel}: {alt}]")
                : $"[{_profile.ImageLabel}]";
            _inlines.AppendLink(paragraph, url, label);
        }
        Add(paragraph);

        if (caption.Length == 0 && credit.Length == 0)
        {
            return;
        }
        var captionParagraph = Paragraph(StyleIds.Caption);
        _inlines.AppendText(captionParagraph, caption);
        if (caption.Length > 0 && credit.Length > 0)
        {
            InlineWriter.AppendBreak(captionParagraph);
        }
        _inlines.AppendText(captionParagraph, credit);
        Add(captionParagraph);
    }

    /// <summary>True when both texts hold the same words, whatever whitespace separates them.</summary>
    private static bool SameWords(string a, string b) =>
        a.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).SequenceEqual(b.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    private (string RelationshipId, EmbeddedImage Image)? Resolve(string url)
    {
        if (!_images.Enabled || url.Length == 0)
        {
            return null;
        }
        if (_embedded.TryGetValue(url, out var known))
        {
            return known;
        }
        (string, EmbeddedImage)? result = null;
        if (_images.Resolve(url, Warnings) is { } image)
        {
            var target = string.Create(CultureInfo.InvariantCulture, $"media/image{_mediaBefore + Media.Count + 1}.{image.Extension}");
            Media.Add((target, image));
            result = (Relationships.Image(target), image);
        }
        _embedded.Add(url, result);
        return result;
    }

    private W.Drawing Drawing(string relationshipId, EmbeddedImage image, string alt)
    {
        var id = ++_drawingId;
        var (cx, cy) = Scale(image.Width, image.Height);
        var name = string.Create(CultureInfo.InvariantCulture, $"Picture {id}");
        var docProperties = new DW.DocProperties { Id = id, Name = name };
        if (alt.Length > 0)
        {
            docProperties.Description = alt;
        }
        return new W.Drawing(
            new DW.Inline(
                new DW.Extent { Cx = cx, Cy = cy },
                new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
                docProperties,
                new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(
                    new A.GraphicData(
                        new PIC.Picture(
                            new PIC.NonVisualPictureProperties(
                                new PIC.NonVisualDrawingProperties { Id = 0U, Name = name },
                                new PIC.NonVisualPictureDrawingProperties()),
                            new PIC.BlipFill(
                                new A.Blip { Embed = relationshipId },
                                new A.Stretch(new A.FillRectangle())),
                            new PIC.ShapeProperties(
                                new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                    { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            {
                DistanceFromTop = 0U,
                DistanceFromBottom = 0U,
                DistanceFromLeft = 0U,
                DistanceFromRight = 0U,
            });
    }

    /// <summary>The picture's size in EMU at 96 dpi, shrunk (aspect ratio kept) to the text width and three quarters of the text height.</summary>
    internal static (long Cx, long Cy) Scale(int width, int height)
    {
        double cx = width * EmuPerPixel;
        double cy = height * EmuPerPixel;
        var factor = Math.Min(1.0, Math.Min(MaxWidthEmu / cx, MaxHeightEmu / cy));
        return (Math.Max(1L, (long)Math.Round(cx * factor)), Math.Max(1L, (long)Math.Round(cy * factor)));
    }
}
