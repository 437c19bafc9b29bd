using System.Buffers;
using System.Text;

namespace Convertify.Interop;

/// <summary>
/// A path as the C library takes it (UTF-8, NUL-terminated), in a buffer on the caller's stack when it fits, rented
/// otherwise (returned by <see cref="Dispose"/>).
/// </summary>
internal ref struct NativePath
{
    /// <summary>The size of the stack buffer callers pass: longer paths rent one.</summary>
    public const int StackLimit = 1024;

    private readonly byte[]? _rented;
    private readonly Span<byte> _bytes;

    /// <param name="path">The path.</param>
    /// <param name="stack">A buffer of <see cref="StackLimit"/> bytes on the caller's stack.</param>
    public NativePath(string path, Span<byte> stack)
    {
        var length = Encoding.UTF8.GetMaxByteCount(path.Length) + 1;
        var buffer = length <= stack.Length ? stack : (_rented = ArrayPool<byte>.Shared.Rent(length));
        buffer[Encoding.UTF8.GetBytes(path, buffer)] = 0;
        _bytes = buffer;
    }

    /// <summary>The first byte, to pass by reference to a C function taking <c>const char*</c>.</summary>
    public readonly ref byte First => ref _bytes[0];

    /// <summary>Returns a rented buffer.</summary>
    public readonly void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
        }
    }
}
