using System.CommandLine;
using System.Globalization;
using Convertify.Word;

namespace Convertify.Cli;

/// <summary>The picture options <c>convert</c> and <c>batch</c> share, and the Word writer options they make.</summary>
internal sealed class ImageOptions
{
    private readonly Option<string?> _images = new("--images", "--image-dir")
    {
        Description = "docx: a folder of local image copies to embed (matched by the URL's file name, or by the first 16 hex digits of sha256(url) plus the extension)",
        HelpName = "DIR",
    };

    private readonly Option<bool> _fetch = new("--fetch-images")
    {
        Description = "docx: download the pictures not found locally, over http(s): image/* only, at most " +
                      $"{WordWriterOptions.DefaultMaxImageBytes / (1024 * 1024)} MiB each, {WordWriterOptions.DefaultMaxParallelFetches} at a time, " +
                      "each URL once; public addresses only unless --allow-private-hosts. Off by default: nothing touches the network",
    };

    private readonly Option<string?> _cache = new("--image-cache")
    {
        HelpName = "DIR",
    };

    private readonly Option<bool> _allowPrivate = new("--allow-private-hosts")
    {
        Description = "With --fetch-images: also download from loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), CGNAT and link-local " +
                      "addresses, cloud metadata included. Only for archives you trust",
    };

    private readonly Option<int> _timeout = new("--fetch-timeout")
    {
        Description = "With --fetch-images: seconds one picture's download may take, redirects included",
        DefaultValueFactory = _ => (int)WordWriterOptions.DefaultFetchTimeout.TotalSeconds,
        HelpName = "SECONDS",
    };

    /// <param name="cacheDescription">What <c>--image-cache</c> does in this command, its default included.</param>
    public ImageOptions(string cacheDescription) => _cache.Description = cacheDescription;

    public IEnumerable<Option> All => [_images, _fetch, _cache, _allowPrivate, _timeout];

    /// <summary>The Word writer options asked for; <paramref name="defaultCache"/> is the cache folder when none is named.</summary>
    /// <exception cref="UsageException">A folder is missing, or an option needs <c>--fetch-images</c>.</exception>
    public WordWriterOptions WordOptions(ParseResult parse, string? defaultCache)
    {
        var images = parse.GetValue(_images);
        if (images is not null && !Directory.Exists(images))
        {
            throw new UsageException($"--images: folder not found: {images}");
        }
        var fetch = parse.GetValue(_fetch);
        var cache = parse.GetValue(_cache);
        var allowPrivate = parse.GetValue(_allowPrivate);
        if (!fetch && (cache is not null || allowPrivate))
        {
            throw new UsageException($"{(cache is not null ? "--image-cache" : "--allow-private-hosts")} only applies with --fetch-images");
        }
        var timeout = parse.GetValue(_timeout);
        if (timeout < 1)
        {
            throw new UsageException("--fetch-timeout must be at least 1 second");
        }
        return new WordWriterOptions
        {
            ImageDirectory = images is null ? null : Path.GetFullPath(images),
            FetchImages = fetch,
            ImageCacheDirectory = fetch ? cache ?? defaultCache : null,
            AllowPrivateHosts = allowPrivate,
            FetchTimeout = TimeSpan.FromSeconds(timeout),
        };
    }

    /// <summary>The settings that change what the Word files hold, as recorded in a batch's state (a change rewrites them).</summary>
    public static string Settings(WordWriterOptions options) =>
        options.ImageDirectory is null && !options.FetchImages
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture,
                $"docx:images={options.ImageDirectory ?? "-"},fetch={options.FetchImages},private={options.AllowPrivateHosts}");
}
