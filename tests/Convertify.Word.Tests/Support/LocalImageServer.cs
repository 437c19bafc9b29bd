using System.Net;
using System.Net.Sockets;

namespace Convertify.Word.Tests.Support;

/// <summary>A tiny HTTP server on 127.0.0.1 (HttpListener) serving canned responses by path.</summary>
internal sealed class LocalImageServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, Func<HttpListenerResponse, Task>> _routes = new(StringComparer.Ordinal);
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop = new();

    public LocalImageServer()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    public string BaseUrl { get; }

    public List<string> Requests { get; } = [];

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
            });
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
