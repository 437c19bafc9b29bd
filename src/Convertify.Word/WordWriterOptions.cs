using Convertify.Model;

namespace Convertify.Word;

/// <summary>Options of <see cref="WordArticleWriter"/>. The defaults work offline: figures become captioned placeholders holding the image link.</summary>
public sealed record WordWriterOptions
{
    /// <summary>Default <see cref="FetchTimeout"/>: 10 seconds.</summary>
    public static readonly TimeSpan DefaultFetchTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Default <see cref="MaxImageBytes"/>: 10 MiB.</summary>
    public const long DefaultMaxImageBytes = 10L * 1024 * 1024;

    /// <summary>
    /// A folder of local image copies to embed. An image is found by its content-addressed name
    /// (<see cref="ImageFileNames.ContentAddressed"/>: the first 16 hex digits of SHA-256 of the URL, plus the extension)
    /// or else by the file name of the URL's path. Null: no local images.
    /// </summary>
    public string? ImageDirectory { get; init; }

    /// <summary>Download images not found locally, over http and https only (no other scheme, redirects included). Off by default.</summary>
    public bool FetchImages { get; init; }

    /// <summary>How long one image download may take, redirects included.</summary>
    public TimeSpan FetchTimeout { get; init; } = DefaultFetchTimeout;

    /// <summary>Largest image accepted, local or downloaded, in bytes.</summary>
    public long MaxImageBytes { get; init; } = DefaultMaxImageBytes;

    /// <summary>Message handler for downloads (tests inject one); null uses a handler that follows no redirects by itself. Not disposed by the writer.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>
    /// East Asian font of the body text and headings (<c>w:rFonts w:eastAsia</c>); null picks Noto Serif CJK (body) and
    /// Noto Sans CJK (headings) for the article's script, with SimSun/SimHei, PMingLiU, … named as Word's substitutes.
    /// </summary>
    public string? EastAsianFont { get; init; }

    /// <summary>Receives the writer's warnings (image missing, WebP left as a placeholder, download refused). Called on the writing thread.</summary>
    public Action<ConversionWarning>? Warn { get; init; }
}
