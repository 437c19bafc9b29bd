namespace Convertify.Word;

/// <summary>An image download's outcome: the bytes, or why there are none.</summary>
internal sealed record FetchedImage(byte[]? Data, string? Problem)
{
    public static FetchedImage Failed(string problem) => new(null, problem);
}
