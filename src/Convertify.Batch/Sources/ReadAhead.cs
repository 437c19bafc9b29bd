namespace Convertify.Batch.Sources;

/// <summary>
/// Tells the kernel, from a thread of its own, which files a source is about to hand out, so that their pages are being
/// read while the workers convert the files before them. A worker that opens a file whose pages are not in memory waits
/// for the disk with its core idle; on a machine whose page cache had dropped the archive (or never held it), a 100,000-
/// article batch spent ~10 % of its wall time so. The hints run at most <see cref="Window"/> files ahead of the
/// source and pause, without spinning, until the source has caught up halfway.
/// </summary>
internal sealed class ReadAhead : IDisposable
{
    /// <summary>How many files ahead of the source the hints may run.</summary>
    public const int Window = 128;

    private readonly Func<int, string?> _path;
    private readonly int _count;
    private readonly Action<string> _hint;
    private readonly ManualResetEventSlim _wake = new(false);
    private readonly Thread _thread;
    private int _next;
    private int _hinted;
    private int _sleeping;
    private volatile bool _stopped;

    /// <summary>Starts hinting the files <c>path(0)</c> … <c>path(count - 1)</c>, in that order, with <paramref name="hint"/> (a null path is skipped).</summary>
    public ReadAhead(int count, Func<int, string?> path, Action<string> hint)
    {
        _count = count;
        _path = path;
        _hint = hint;
        _thread = new Thread(Run) { IsBackground = true, Name = "convertify read-ahead" };
        _thread.Start();
    }

    /// <summary>The number of files hinted so far (for tests).</summary>
    internal int Hinted => Volatile.Read(ref _hinted);

    /// <summary>The source is about to hand out file <paramref name="next"/>.</summary>
    public void Advance(int next)
    {
        Interlocked.Exchange(ref _next, next);
        if (Volatile.Read(ref _sleeping) == 1 && Hinted - next <= Window / 2 && Interlocked.Exchange(ref _sleeping, 0) == 1)
        {
            _wake.Set();
        }
    }

    /// <summary>Stops the hints and waits for the thread to end.</summary>
    public void Dispose()
    {
        _stopped = true;
        _wake.Set();
        _thread.Join();
        _wake.Dispose();
    }

    private void Run()
    {
        for (var i = 0; i < _count && !_stopped; i++)
        {
            while (i - Volatile.Read(ref _next) >= Window && !_stopped)
            {
                // Announce the sleep before looking again (a full fence each way), so that an Advance in between wakes
                // us; the timeout only bounds a wake-up lost to an exception in the source.
                Interlocked.Exchange(ref _sleeping, 1);
                if (i - Volatile.Read(ref _next) < Window)
                {
                    Interlocked.Exchange(ref _sleeping, 0);
                    break;
                }
                _wake.Wait(200);
                _wake.Reset();
            }
            if (_stopped)
            {
                break;
            }
            try
            {
                if (_path(i) is { } path)
                {
                    _hint(path);
                }
            }
            catch (Exception)
            {
                // Only a hint, on a thread of its own where an exception would end the process: the worker that
                // reads the file reports whatever is wrong with it.
            }
            Volatile.Write(ref _hinted, i + 1);
        }
    }
}
