using System.Net;
using System.Net.Http.Headers;

namespace Convertify.Word;

/// <summary>
/// Downloads images over http(s) only: redirects are followed by hand (at most five, never to another scheme),
/// the whole download shares one timeout, the size is capped and the content type must be <c>image/*</c>.
/// Thread-safe; one instance per writer.
/// </summary>
internal sealed class ImageFetcher : IDisposable
{
    private const int MaxRedirects = 5;

    private readonly HttpClient _client;
    private readonly TimeSpan _timeout;
    private readonly long _maxBytes;

    public ImageFetcher(HttpMessageHandler? handler, TimeSpan timeout, long maxBytes)
    {
        _client = handler is null
            ? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None }, disposeHandler: true)
            : new HttpClient(handler, disposeHandler: false);
        _client.Timeout = Timeout.InfiniteTimeSpan;
        _timeout = timeout;
        _maxBytes = maxBytes;
    }

    /// <summary>The image bytes, or null with the reason in <paramref name="problem"/>.</summary>
    public byte[]? Fetch(string url, out string? problem)
    {
        (byte[]? Data, string? Problem) result;
        try
        {
            result = Task.Run(() => FetchAsync(url)).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            result = (null, $"timed out after {_timeout.TotalSeconds:0.###} s");
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException)
        {
            result = (null, e.Message);
        }
        problem = result.Problem;
        return result.Data;
    }

    private async Task<(byte[]? Data, string? Problem)> FetchAsync(string url)
    {
        using var timeout = new CancellationTokenSource(_timeout);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !IsHttp(uri))
        {
            return (null, "only http and https images are downloaded");
        }
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/*"));
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                if (redirects >= MaxRedirects)
                {
                    return (null, "too many redirects");
                }
                var next = location.IsAbsoluteUri ? location : new Uri(uri, location);
                if (!IsHttp(next))
                {
                    return (null, $"redirect to a non-http(s) location refused: {next.Scheme}");
                }
                uri = next;
                continue;
            }
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"HTTP {status}");
            }
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType is null || !mediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
            {
                return (null, $"content type is {mediaType ?? "missing"}, not image/*");
            }
            if (response.Content.Headers.ContentLength > _maxBytes)
            {
                return (null, $"image is {response.Content.Headers.ContentLength} bytes, more than the {_maxBytes}-byte limit");
            }
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            var chunk = new byte[16384];
            int read;
            while ((read = await stream.ReadAsync(chunk, timeout.Token).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > _maxBytes)
                {
                    return (null, $"image is more than the {_maxBytes}-byte limit");
                }
                buffer.Write(chunk, 0, read);
            }
            return (buffer.ToArray(), null);
        }
    }

    private static bool IsHttp(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;

    public void Dispose() => _client.Dispose();
}
