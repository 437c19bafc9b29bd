namespace Convertify.Word;

/// <summary>Image bytes ready to embed, with their format and pixel size.</summary>
internal sealed record EmbeddedImage(byte[] Data, ImageFormat Format, int Width, int Height)
{
    /// <summary>File extension of the media part.</summary>
    public string Extension => Format switch
    {
        ImageFormat.Png => "png",
        ImageFormat.Gif => "gif",
        _ => "jpeg",
    };
}
