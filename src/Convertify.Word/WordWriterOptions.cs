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

    /// <summary>Default <see cref="MaxParallelFetches"/>: 4.</summary>
    public const int DefaultMaxParallelFetches = 4;

    /// <summary>
    /// Download images not found locally, over http and https only (no other scheme, redirects included), each URL once
    /// per writer, <c>image/*</c> only, within <see cref="FetchTimeout"/> and <see cref="MaxImageBytes"/>, and never from
    /// a loopback, private, link-local or other non-public address unless <see cref="AllowPrivateHosts"/>. Off by default.
    /// </summary>
    public bool FetchImages { get; init; }

    /// <summary>
    /// A folder keeping downloaded images between runs, by content (<c>sha256/</c>) with an index by URL (<c>urls/</c>):
    /// a URL found there is not downloaded again, and several runs may share it. Null: downloads are kept in memory
    /// for the writer's life only. Used with <see cref="FetchImages"/>.
    /// </summary>
    public string? ImageCacheDirectory { get; init; }

    /// <summary>
    /// Let downloads reach loopback, private (RFC 1918, fc00::/7), shared (100.64.0.0/10), link-local and other
    /// non-public addresses. Off by default: an archive's HTML is untrusted, and a converter on a server must not be
    /// made to request its own network or the cloud metadata address.
    /// </summary>
    public bool AllowPrivateHosts { get; init; }

    /// <summary>Downloads under way at once, across every article written at the same time.</summary>
    public int MaxParallelFetches { get; init; } = DefaultMaxParallelFetches;

    /// <summary>How long one image download may take, redirects included.</summary>
    public TimeSpan FetchTimeout { get; init; } = DefaultFetchTimeout;

    /// <summary>Largest image accepted, local or downloaded, in bytes.</summary>
    public long MaxImageBytes { get; init; } = DefaultMaxImageBytes;

    /// <summary>
    /// Message handler for downloads (tests inject one); null uses the writer's own, which follows no redirects by itself,
    /// uses no proxy and checks every address it connects to. An injected handler does its own address checks. Not
    /// disposed by the writer.
    /// </summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>
    /// East Asian font of the body text and headings (<c>w:rFonts w:eastAsia</c>); null picks Noto Serif CJK (body) and
    /// Noto Sans CJK (headings) for the article's script, with SimSun/SimHei, PMingLiU, … named as Word's substitutes.
    /// </summary>
    public string? EastAsianFont { get; init; }

    /// <summary>Receives the writer's warnings (image missing, WebP left as a placeholder, download refused). Called on the writing thread.</summary>
    public Action<ConversionWarning>? Warn { get; init; }
}
