using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace Convertify.Conversion;

/// <summary>
/// rename(2) called directly on Linux. <see cref="File.Move(string, string, bool)"/> first checks that the source exists
/// (an lstat), which a caller that has just written the source does not need; for a batch of many small files that check
/// was one system call in twelve per article.
/// </summary>
internal static class PosixRename
{
    private const int StackLimit = 1024;

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
        var length = Encoding.UTF8.GetMaxByteCount(source.Length) + Encoding.UTF8.GetMaxByteCount(destination.Length) + 2;
        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var sourceLength = Encoding.UTF8.GetBytes(source, buffer);
            buffer[sourceLength] = 0;
            var rest = buffer[(sourceLength + 1)..];
            rest[Encoding.UTF8.GetBytes(destination, rest)] = 0;
            return Rename(ref buffer[0], ref rest[0]) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            Volatile.Write(ref s_unavailable, true);
            return false;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    // Blittable arguments (NUL-terminated UTF-8), no SetLastError: nothing to marshal; a failure is retried by File.Move.
    [DllImport("libc", EntryPoint = "rename", ExactSpelling = true)]
    private static extern int Rename(ref byte oldPath, ref byte newPath);
}
