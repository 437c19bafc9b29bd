using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Convertify.Formats;

/// <summary>
/// Opens a file for reading without waiting (Linux): open(2) with O_NONBLOCK. .NET's own open blocks on a named pipe
/// until a writer opens it, which would hold a batch's worker forever for a pipe that happens to be named <c>*.md</c>;
/// O_NONBLOCK changes nothing for the reads of a regular file. The handle tells a stream from a file as any handle does
/// (<see cref="RandomAccess.GetLength"/> refuses a stream).
/// </summary>
internal static class RegularFileOpener
{
    private const int OpenFlags = 0x800 | 0x80000;      // O_RDONLY | O_NONBLOCK | O_CLOEXEC

    private static bool s_unavailable = !OperatingSystem.IsLinux();

    /// <summary>
    /// Opens <paramref name="path"/> for reading; null when it was not opened here (not Linux, or open failed: the caller
    /// then opens it as usual, which reports why).
    /// </summary>
    public static SafeFileHandle? TryOpen(string path)
    {
        if (Volatile.Read(ref s_unavailable))
        {
            return null;
        }
        try
        {
            var descriptor = Open(path, OpenFlags);
            return descriptor < 0 ? null : new SafeFileHandle(descriptor, ownsHandle: true);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            Volatile.Write(ref s_unavailable, true);
            return null;
        }
    }

    // No SetLastError: a failed open is repeated by .NET's, which reports it.
    [DllImport("libc", EntryPoint = "open", ExactSpelling = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
}
