using System.Net;
using System.Net.Sockets;

namespace Convertify.Word.Tests.Support;

/// <summary>A tiny HTTP server on 127.0.0.1 (HttpListener) serving canned responses by path.</summary>
internal sealed class LocalImageServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Dictionary<string, Func<HttpListenerResponse, Task>> _routes = new(StringComparer.Ordinal);
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop = new();

    public LocalImageServer()
    {
        (_listener, BaseUrl) = StartOnFreePort();
        _loop = Task.Run(Serve);
    }

    public string BaseUrl { get; }

    public List<string> Requests { get; } = [];

    /// <summary>The most requests that were being answered at the same time.</summary>
    public int MaxConcurrent => Volatile.Read(ref _maxConcurrent);

    /// <summary>Body bytes written by <see cref="ServeEndless"/> routes before the client stopped reading.</summary>
    public long StreamedBytes => Interlocked.Read(ref _streamedBytes);

    private int _concurrent;
    private int _maxConcurrent;
    private long _streamedBytes;

    public int RequestsFor(string path)
    {
        lock (Requests) return Requests.Count(r => r == path);
    }

    /// <summary>Serves up to <paramref name="totalBytes"/> of PNG-looking bytes without a Content-Length (chunked), counting what it gets to write.</summary>
    public void ServeEndless(string path, long totalBytes) =>
        _routes[path] = async response =>
        {
            response.ContentType = "image/png";
            response.SendChunked = true;
            var chunk = new byte[64 * 1024];
            new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(chunk, 0);
            for (long sent = 0; sent < totalBytes; sent += chunk.Length)
            {
                await response.OutputStream.WriteAsync(chunk, _stop.Token).ConfigureAwait(false);
                Interlocked.Add(ref _streamedBytes, chunk.Length);
            }
        };

    public void Serve(string path, string contentType, byte[] body, TimeSpan? delay = null) =>
        _routes[path] = async response =>
        {
            if (delay is { } d)
            {
                await Task.Delay(d, _stop.Token).ConfigureAwait(false);
            }
            response.ContentType = contentType;
            response.ContentLength64 = body.Length;
            await response.OutputStream.WriteAsync(body, _stop.Token).ConfigureAwait(false);
        };

    public void Redirect(string path, string location) =>
        _routes[path] = response =>
        {
            response.StatusCode = 302;
            response.RedirectLocation = location;
            return Task.CompletedTask;
        };

    private async Task Serve()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(async () =>
            {
                var path = context.Request.Url!.AbsolutePath;
                lock (Requests) Requests.Add(path);
                var now = Interlocked.Increment(ref _concurrent);
                int max;
                while (now > (max = Volatile.Read(ref _maxConcurrent)) && Interlocked.CompareExchange(ref _maxConcurrent, now, max) != max)
                {
                }
                try
                {
                    if (_routes.TryGetValue(path, out var route))
                    {
                        await route(context.Response).ConfigureAwait(false);
                    }
                    else
                    {
                        context.Response.StatusCode = 404;
                    }
                    context.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or IOException or OperationCanceledException or ObjectDisposedException)
                {
                }
                finally
                {
                    Interlocked.Decrement(ref _concurrent);
                }
            });
        }
    }

    // HttpListener cannot bind port 0, so a free port is probed first; a test running in parallel may take it
    // between the probe and Start ("Address already in use"), hence a few attempts, each on a fresh listener
    // (a listener whose Start failed is closed for good).
    private static (HttpListener Listener, string BaseUrl) StartOnFreePort()
    {
        for (var attempt = 1; ; attempt++)
        {
            var baseUrl = $"http://127.0.0.1:{FreePort()}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(baseUrl);
            try
            {
                listener.Start();
                return (listener, baseUrl);
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
        _stop.Dispose();
    }
}
