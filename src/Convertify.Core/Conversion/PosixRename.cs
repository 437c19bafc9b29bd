using System.Runtime.InteropServices;
using Convertify.Interop;

namespace Convertify.Conversion;

/// <summary>
/// rename(2) called directly on Linux. <see cref="File.Move(string, string, bool)"/> first checks that the source exists
/// (an lstat), which a caller that has just written the source does not need; for a batch of many small files that check
/// was one system call in twelve per article.
/// </summary>
internal static class PosixRename
{
    // Linux only: the C library's name and rename's behaviour are known there. Set when the library cannot be called.
    private static bool s_unavailable = !OperatingSystem.IsLinux();

    /// <summary>
    /// Renames <paramref name="source"/> over <paramref name="destination"/> (full paths); false when it did not, for any
    /// reason: the caller then uses <see cref="File.Move(string, string, bool)"/>, which gives .NET's usual exceptions.
    /// </summary>
    public static bool TryReplace(string source, string destination)
    {
        if (Volatile.Read(ref s_unavailable))
        {
            return false;
        }
        try
        {
            using var from = new NativePath(source, stackalloc byte[NativePath.StackLimit]);
            using var to = new NativePath(destination, stackalloc byte[NativePath.StackLimit]);
            return Rename(ref from.First, ref to.First) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            Volatile.Write(ref s_unavailable, true);
            return false;
        }
    }

    // Blittable arguments (NUL-terminated UTF-8), no SetLastError: nothing to marshal; a failure is retried by File.Move.
    [DllImport("libc", EntryPoint = "rename", ExactSpelling = true)]
    private static extern int Rename(ref byte oldPath, ref byte newPath);
}
