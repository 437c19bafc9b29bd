using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Convertify.Word;

/// <summary>
/// Downloads one image, safe for the untrusted URLs of an archive: http(s) only, redirects followed by hand (at most
/// <see cref="MaxRedirects"/>, each hop checked again), one timeout for the whole download, the body streamed up to the
/// size cap (a larger one is dropped at the cap, whatever Content-Length said), <c>image/*</c> only and the bytes must
/// start like a PNG, JPEG, GIF or WebP. Unless private hosts are allowed, every connection is made by
/// <see cref="ConnectPublicAsync"/>: it resolves the host itself and connects only to a public address (see
/// <see cref="NonPublicAddress"/>), so neither a literal address nor a name that resolves (or re-resolves, DNS rebinding)
/// to loopback, a private network or the cloud metadata address is ever reached. No proxy is used, so the address
/// checked is the one connected to. Thread-safe.
/// </summary>
internal sealed class ImageFetcher : IDisposable
{
    /// <summary>Redirects followed before a download is given up.</summary>
    public const int MaxRedirects = 5;

    private readonly HttpClient _client;
    private readonly TimeSpan _timeout;
    private readonly long _maxBytes;
    private readonly bool _allowPrivateHosts;

    /// <param name="handler">A handler to use instead of the guarded one (tests); it is not disposed, and the address checks are then its business.</param>
    /// <param name="timeout">How long one download may take, redirects included.</param>
    /// <param name="maxBytes">Largest body accepted.</param>
    /// <param name="allowPrivateHosts">Connect to non-public addresses too (a trusted archive on a trusted network).</param>
    public ImageFetcher(HttpMessageHandler? handler, TimeSpan timeout, long maxBytes, bool allowPrivateHosts)
    {
        _allowPrivateHosts = allowPrivateHosts;
        _client = handler is null
            ? new HttpClient(CreateHandler(allowPrivateHosts), disposeHandler: true)
            : new HttpClient(handler, disposeHandler: false);
        _client.Timeout = Timeout.InfiniteTimeSpan;
        _timeout = timeout;
        _maxBytes = maxBytes;
    }

    private static SocketsHttpHandler CreateHandler(bool allowPrivateHosts)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        };
        if (!allowPrivateHosts)
        {
            handler.ConnectCallback = ConnectPublicAsync;
        }
        return handler;
    }

    /// <summary>The image bytes, or why there are none. Never throws for a network or server problem.</summary>
    public async Task<FetchedImage> FetchAsync(string url)
    {
        using var timeout = new CancellationTokenSource(_timeout);
        try
        {
            return await FetchAsync(url, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return FetchedImage.Failed(string.Create(CultureInfo.InvariantCulture, $"timed out after {_timeout.TotalSeconds:0.###} s"));
        }
        catch (Exception e) when (e is HttpRequestException or IOException or SocketException or InvalidOperationException)
        {
            return FetchedImage.Failed(Innermost(e));
        }
    }

    private async Task<FetchedImage> FetchAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !IsHttp(uri))
        {
            return FetchedImage.Failed("only http and https images are downloaded");
        }
        for (var redirects = 0; ; redirects++)
        {
            if (RefusedHost(uri) is { } refused)
            {
                return FetchedImage.Failed(refused);
            }
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/*"));
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                if (redirects >= MaxRedirects)
                {
                    return FetchedImage.Failed($"more than {MaxRedirects} redirects");
                }
                var next = location.IsAbsoluteUri ? location : new Uri(uri, location);
                if (!IsHttp(next))
                {
                    return FetchedImage.Failed($"redirect to a non-http(s) location refused: {next.Scheme}");
                }
                uri = next;
                continue;
            }
            if (!response.IsSuccessStatusCode)
            {
                return FetchedImage.Failed(string.Create(CultureInfo.InvariantCulture, $"HTTP {status}"));
            }
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType is null || !mediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
            {
                return FetchedImage.Failed($"content type is {mediaType ?? "missing"}, not image/*");
            }
            if (response.Content.Headers.ContentLength > _maxBytes)
            {
                return FetchedImage.Failed(string.Create(CultureInfo.InvariantCulture,
                    $"image is {response.Content.Headers.ContentLength} bytes, more than the {_maxBytes}-byte limit"));
            }
            var data = await ReadCappedAsync(response, cancellationToken).ConfigureAwait(false);
            if (data is null)
            {
                return FetchedImage.Failed(string.Create(CultureInfo.InvariantCulture, $"image is more than the {_maxBytes}-byte limit; download stopped there"));
            }
            if (ImageHeader.Sniff(data) == ImageFormat.Unknown)
            {
                return FetchedImage.Failed($"served as {mediaType} but the bytes are not a PNG, JPEG, GIF or WebP image");
            }
            return new FetchedImage(data, null);
        }
    }

    // Reads the body but stops (and drops the connection) as soon as it passes the cap.
    private async Task<byte[]?> ReadCappedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > _maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    // A literal address is refused before any request, with a clear reason; names are checked when connecting.
    private string? RefusedHost(Uri uri)
    {
        if (_allowPrivateHosts || uri.HostNameType is not (UriHostNameType.IPv4 or UriHostNameType.IPv6) ||
            !IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address) || NonPublicAddress.Kind(address) is not { } kind)
        {
            return null;
        }
        return $"refused: {address} is a {kind} address (--allow-private-hosts allows it)";
    }

    /// <summary>
    /// Resolves the host and connects to its first public address that answers; refuses when it has none. Used for every
    /// connection, redirects included, so the check holds for the address actually connected to.
    /// </summary>
    internal static async ValueTask<Stream> ConnectPublicAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var refused = new List<string>();
        SocketException? lastError = null;
        foreach (var address in addresses)
        {
            if (NonPublicAddress.Kind(address) is { } kind)
            {
                refused.Add($"{address} ({kind})");
                continue;
            }
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(address, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
                // The peer the kernel connected to, checked once more.
                if (socket.RemoteEndPoint is not IPEndPoint peer || NonPublicAddress.Kind(peer.Address) is not null)
                {
                    throw new RefusedAddressException($"refused: {host} connected to a non-public address");
                }
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                lastError = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        if (lastError is not null)
        {
            throw lastError;
        }
        throw new RefusedAddressException(refused.Count == 0
            ? $"refused: {host} has no address"
            : $"refused: {host} resolves only to non-public addresses: {string.Join(", ", refused)} (--allow-private-hosts allows them)");
    }

    private static string Innermost(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is RefusedAddressException)
            {
                return inner.Message;
            }
        }
        // HttpClient repeats its cause's text in its own ("Name or service not known (host:443)"); say it once.
        return e.InnerException is { } cause && cause.Message.Length > 0 && !e.Message.Contains(cause.Message, StringComparison.Ordinal)
            ? $"{e.Message} ({cause.Message})" : e.Message;
    }

    private static bool IsHttp(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;

    public void Dispose() => _client.Dispose();
}
