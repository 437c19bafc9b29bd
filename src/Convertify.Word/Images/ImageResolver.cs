using Convertify.Model;

namespace Convertify.Word;

/// <summary>Finds the bytes of a figure's image: a local copy in the image directory, else (opt-in) a download.</summary>
internal sealed class ImageResolver
{
    private readonly WordWriterOptions _options;
    private readonly ImageStore? _store;

    public ImageResolver(WordWriterOptions options, ImageStore? store)
    {
        _options = options;
        _store = store;
    }

    /// <summary>True when figures may become pictures at all.</summary>
    public bool Enabled => _options.ImageDirectory is not null || _store is not null;

    /// <summary>Starts the downloads of every figure of <paramref name="urls"/> without a local copy (at most the store's cap at once) and waits for them.</summary>
    public void Prefetch(IEnumerable<string> urls)
    {
        if (_store is null)
        {
            return;
        }
        var pending = new List<Task>();
        foreach (var url in urls.Distinct(StringComparer.Ordinal))
        {
            if (url.Length > 0 && (_options.ImageDirectory is not { } directory || FindLocal(directory, url) is null))
            {
                pending.Add(_store.Prefetch(url));
            }
        }
        Task.WhenAll(pending).GetAwaiter().GetResult();
    }

    /// <summary>The image to embed, or null (the figure stays a placeholder) with a warning added to <paramref name="warnings"/>.</summary>
    public EmbeddedImage? Resolve(string url, List<ConversionWarning> warnings)
    {
        byte[]? data = null;
        string? problem = null;
        if (_options.ImageDirectory is { } directory)
        {
            data = ReadLocal(directory, url, out problem);
        }
        if (data is null && problem is null && _store is not null)
        {
            (data, problem) = _store.Get(url);
            if (data is null)
            {
                warnings.Add(new ConversionWarning("word.image_fetch_failed", $"image {url} not downloaded: {problem}", Retryable: true));
                return null;
            }
        }
        if (data is null)
        {
            warnings.Add(new ConversionWarning("word.image_missing", problem is null
                ? $"image {url} not found in {_options.ImageDirectory}; kept as a link"
                : $"image {url}: {problem}; kept as a link", Retryable: true));
            return null;
        }
        var format = ImageHeader.Sniff(data);
        if (format == ImageFormat.WebP)
        {
            warnings.Add(new ConversionWarning("word.image_webp", $"image {url} is WebP, which Word cannot show; kept as a link"));
            return null;
        }
        if (format == ImageFormat.Unknown || !ImageHeader.TryReadSize(data, format, out var width, out var height))
        {
            warnings.Add(new ConversionWarning("word.image_unsupported", $"image {url} is not a readable PNG, JPEG or GIF; kept as a link"));
            return null;
        }
        return new EmbeddedImage(data, format, width, height);
    }

    private byte[]? ReadLocal(string directory, string url, out string? problem)
    {
        problem = null;
        return FindLocal(directory, url) is { } path ? ReadCapped(path, out problem) : null;
    }

    private static string? FindLocal(string directory, string url)
    {
        var stem = ImageFileNames.ContentAddressed(url);
        foreach (var extension in ImageFileNames.Extensions)
        {
            var candidate = Path.Combine(directory, stem + extension);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        if (ImageFileNames.FromUrl(url) is { } name)
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private byte[]? ReadCapped(string path, out string? problem)
    {
        problem = null;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > _options.MaxImageBytes)
            {
                problem = $"local copy is {length} bytes, more than the {_options.MaxImageBytes}-byte limit";
                return null;
            }
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = "local copy unreadable: " + e.Message;
            return null;
        }
    }
}
