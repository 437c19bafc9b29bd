namespace Convertify.Word;

/// <summary>Image formats recognised from their first bytes.</summary>
internal enum ImageFormat
{
    Unknown,
    Png,
    Jpeg,
    Gif,
    WebP,
}
