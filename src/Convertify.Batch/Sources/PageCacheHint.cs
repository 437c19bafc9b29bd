using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace Convertify.Batch.Sources;

/// <summary>
/// posix_fadvise(POSIX_FADV_WILLNEED) on the first megabyte of a file by name (Linux): the kernel starts reading the
/// file's pages and returns at once, so many files' reads are in flight together instead of one at a time in whichever
/// worker opens each.
/// </summary>
internal static class PageCacheHint
{
    // O_RDONLY | O_NONBLOCK | O_CLOEXEC: non-blocking so that a named pipe among the files cannot hold the thread.
    private const int OpenFlags = 0x800 | 0x80000;
    private const int WillNeed = 3;                      // POSIX_FADV_WILLNEED
    private const int StackLimit = 1024;

    // How much of each file is asked for: articles are a few KB to a few tens of KB. A bound, so that a huge file in the
    // folder (which the reader refuses above 64 MB without reading it) is not pulled into memory by a hint.
    private const long HintBytes = 1024 * 1024;

    /// <summary>True where the hint can be given (Linux with its C library).</summary>
    public static bool IsSupported { get; private set; } = OperatingSystem.IsLinux();

    /// <summary>Asks the kernel to read <paramref name="path"/> (a full path) into memory soon; does nothing where it cannot.</summary>
    public static void WillNeedFile(string path)
    {
        if (!IsSupported)
        {
            return;
        }
        var length = Encoding.UTF8.GetMaxByteCount(path.Length) + 1;
        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            buffer[Encoding.UTF8.GetBytes(path, buffer)] = 0;
            var descriptor = Open(ref buffer[0], OpenFlags);
            if (descriptor >= 0)
            {
                _ = Advise(descriptor, 0, HintBytes, WillNeed);
                _ = Close(descriptor);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            IsSupported = false;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    // Blittable arguments, no SetLastError: a hint that fails is simply not given.
    [DllImport("libc", EntryPoint = "open", ExactSpelling = true)]
    private static extern int Open(ref byte path, int flags);

    [DllImport("libc", EntryPoint = "posix_fadvise", ExactSpelling = true)]
    private static extern int Advise(int descriptor, long offset, long length, int advice);

    [DllImport("libc", EntryPoint = "close", ExactSpelling = true)]
    private static extern int Close(int descriptor);
}
