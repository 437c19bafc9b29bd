using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Convertify.Batch.Incremental;

/// <summary>A SHA-256 digest held in 32 bytes (a manifest keeps one per input; as hex text it would take five times that).</summary>
internal readonly record struct Sha256Digest(UInt128 High, UInt128 Low)
{
    /// <summary>The digest of <paramref name="content"/>.</summary>
    public static Sha256Digest Of(ReadOnlySpan<byte> content)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(content, hash);
        return new Sha256Digest(BinaryPrimitives.ReadUInt128BigEndian(hash[..16]), BinaryPrimitives.ReadUInt128BigEndian(hash[16..]));
    }

    /// <summary>Reads 64 hex digits; false for anything else (a damaged manifest entry, which then matches nothing).</summary>
    public static bool TryParse(string? hex, out Sha256Digest digest)
    {
        digest = default;
        if (hex is not { Length: 64 })
        {
            return false;
        }
        Span<byte> bytes = stackalloc byte[32];
        if (Convert.FromHexString(hex, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return false;
        }
        digest = new Sha256Digest(BinaryPrimitives.ReadUInt128BigEndian(bytes[..16]), BinaryPrimitives.ReadUInt128BigEndian(bytes[16..]));
        return true;
    }

    /// <summary>64 lower-case hex digits, as in the manifest file.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[32];
        BinaryPrimitives.WriteUInt128BigEndian(bytes[..16], High);
        BinaryPrimitives.WriteUInt128BigEndian(bytes[16..], Low);
        return Convert.ToHexStringLower(bytes);
    }
}
