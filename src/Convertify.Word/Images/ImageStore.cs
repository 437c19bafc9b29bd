using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Convertify.Conversion;

namespace Convertify.Word;

/// <summary>
/// The downloaded images of one writer (one <c>convert</c> or one <c>batch</c> run): each URL is fetched at most once,
/// however many articles name it and however many of them are written at the same time (a second asker awaits the
/// first download), at most <c>maxParallel</c> downloads at once, and failures are remembered for the writer's life.
/// With a cache folder, images are kept on disk by content — <c>sha256/&lt;SHA-256 of the bytes&gt;.&lt;ext&gt;</c> — with
/// an index from URL to content, <c>urls/&lt;SHA-256 of the URL&gt;</c> (a text file: the image's file name, then the
/// URL); both are written to a temporary file and renamed, so another run sharing the folder sees whole files only.
/// A URL indexed there is not downloaded again. Without a folder, images are kept in memory.
/// </summary>
internal sealed partial class ImageStore : IDisposable
{
    /// <summary>The store a writer with <paramref name="options"/> downloads through, made on first use; null without <see cref="WordWriterOptions.FetchImages"/>.</summary>
    public static Lazy<ImageStore>? LazyFor(WordWriterOptions options) => options.FetchImages
        ? new Lazy<ImageStore>(() => new ImageStore(
                new ImageFetcher(options.HttpHandler, options.FetchTimeout, options.MaxImageBytes, options.AllowPrivateHosts),
                options.ImageCacheDirectory, options.MaxParallelFetches, options.MaxImageBytes),
            LazyThreadSafetyMode.ExecutionAndPublication)
        : null;

    private readonly ImageFetcher _fetcher;
    private readonly string? _directory;
    private readonly long _maxBytes;
    private readonly SemaphoreSlim _parallel;
    private readonly ConcurrentDictionary<string, Lazy<Task<Entry>>> _entries = new(StringComparer.Ordinal);

    public ImageStore(ImageFetcher fetcher, string? directory, int maxParallel, long maxBytes)
    {
        _fetcher = fetcher;
        _directory = directory is null ? null : Path.GetFullPath(directory);
        _maxBytes = maxBytes;
        _parallel = new SemaphoreSlim(Math.Max(1, maxParallel));
    }

    /// <summary>Starts getting <paramref name="url"/> (from memory, the cache folder or the network) if nothing has yet.</summary>
    public Task Prefetch(string url) => EntryFor(url);

    /// <summary>The image bytes of <paramref name="url"/>, or why there are none; waits for its download if one is under way.</summary>
    public FetchedImage Get(string url)
    {
        var entry = EntryFor(url).GetAwaiter().GetResult();
        if (entry.Problem is { } problem)
        {
            return FetchedImage.Failed(problem);
        }
        if (entry.Data is { } data)
        {
            return new FetchedImage(data, null);
        }
        try
        {
            return new FetchedImage(File.ReadAllBytes(entry.File!), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return FetchedImage.Failed("cached copy unreadable: " + e.Message);
        }
    }

    private Task<Entry> EntryFor(string url) =>
        _entries.GetOrAdd(url, u => new Lazy<Task<Entry>>(() => LoadAsync(u), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private async Task<Entry> LoadAsync(string url)
    {
        if (_directory is not null && Cached(url) is { } file)
        {
            return new Entry(null, file, null);
        }
        FetchedImage fetched;
        await _parallel.WaitAsync().ConfigureAwait(false);
        try
        {
            fetched = await _fetcher.FetchAsync(url).ConfigureAwait(false);
        }
        finally
        {
            _parallel.Release();
        }
        if (fetched.Data is not { } data)
        {
            return new Entry(null, null, fetched.Problem);
        }
        if (_directory is null)
        {
            return new Entry(data, null, null);
        }
        try
        {
            return new Entry(null, Store(url, data), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The cache is a convenience: a full or read-only disk still embeds the picture.
            return new Entry(data, null, null);
        }
    }

    // The cached copy of the URL when the index names one whose bytes still hash to its name.
    private string? Cached(string url)
    {
        try
        {
            var index = IndexPath(url);
            if (!File.Exists(index))
            {
                return null;
            }
            var name = File.ReadLines(index).FirstOrDefault();
            if (name is null || !BlobName().IsMatch(name))
            {
                return null;
            }
            var file = Path.Combine(_directory!, "sha256", name);
            var info = new FileInfo(file);
            if (!info.Exists || info.Length > _maxBytes)
            {
                return null;
            }
            var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
            return name.StartsWith(hash, StringComparison.Ordinal) ? file : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private string Store(string url, byte[] data)
    {
        var name = Convert.ToHexStringLower(SHA256.HashData(data)) + "." + Extension(ImageHeader.Sniff(data));
        var blobs = Path.Combine(_directory!, "sha256");
        Directory.CreateDirectory(blobs);
        var file = Path.Combine(blobs, name);
        // Written even when the name exists: a damaged copy is replaced (same bytes for a sound one).
        AtomicFile.WriteAllBytes(file, data);
        var index = IndexPath(url);
        Directory.CreateDirectory(Path.GetDirectoryName(index)!);
        AtomicFile.WriteAllBytes(index, Encoding.UTF8.GetBytes(name + "\n" + url + "\n"));
        return file;
    }

    private string IndexPath(string url) =>
        Path.Combine(_directory!, "urls", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url))));

    private static string Extension(ImageFormat format) => format switch
    {
        ImageFormat.Png => "png",
        ImageFormat.Jpeg => "jpg",
        ImageFormat.Gif => "gif",
        ImageFormat.WebP => "webp",
        _ => "bin",
    };

    [GeneratedRegex("^[0-9a-f]{64}\\.(png|jpg|gif|webp|bin)$", RegexOptions.CultureInvariant)]
    private static partial Regex BlobName();

    public void Dispose()
    {
        _fetcher.Dispose();
        _parallel.Dispose();
    }

    /// <summary>A URL's outcome: bytes in memory, a file in the cache folder, or a problem.</summary>
    private sealed record Entry(byte[]? Data, string? File, string? Problem);
}
