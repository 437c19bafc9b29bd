using System.Net;
using System.Net.Sockets;

namespace Convertify.Word;

/// <summary>
/// Says which addresses an image download must not reach unless private hosts are allowed: loopback, private
/// (RFC 1918, unique local fc00::/7), shared (CGNAT 100.64.0.0/10), link-local (169.254.0.0/16 with the cloud
/// metadata address, fe80::/10), unspecified, multicast, broadcast and reserved ranges, and IPv6 addresses that
/// carry one of those IPv4 addresses (IPv4-mapped, IPv4-compatible, NAT64).
/// </summary>
internal static class NonPublicAddress
{
    /// <summary>What kind of non-public address <paramref name="address"/> is, or null when it is a public one.</summary>
    public static string? Kind(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => KindV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => KindV6(address),
            _ => "not an IP address",
        };
    }

    private static string? KindV4(ReadOnlySpan<byte> a) => a switch
    {
        [0, ..] => "unspecified (0.0.0.0/8)",
        [127, ..] => "loopback",
        [10, ..] => "private (10.0.0.0/8)",
        [172, >= 16 and <= 31, ..] => "private (172.16.0.0/12)",
        [192, 168, ..] => "private (192.168.0.0/16)",
        [100, >= 64 and <= 127, ..] => "shared CGNAT (100.64.0.0/10)",
        [169, 254, ..] => "link-local, cloud metadata included (169.254.0.0/16)",
        [192, 0, 0, _] => "IETF protocol assignments (192.0.0.0/24)",
        [198, 18 or 19, ..] => "benchmarking (198.18.0.0/15)",
        [>= 224 and <= 239, ..] => "multicast",
        [>= 240, ..] => "reserved or broadcast (240.0.0.0/4)",
        _ => null,
    };

    private static string? KindV6(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return Embedded(address.MapToIPv4(), "IPv4-mapped");
        }
        var b = address.GetAddressBytes();
        if (address.Equals(IPAddress.IPv6Any))
        {
            return "unspecified (::)";
        }
        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return "loopback (::1)";
        }
        // ::a.b.c.d (deprecated IPv4-compatible) and 64:ff9b::a.b.c.d (NAT64): the last four bytes are an IPv4 address.
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            return Embedded(new IPAddress(b.AsSpan(12)), "IPv4-compatible");
        }
        if (b.AsSpan(0, 12).SequenceEqual((ReadOnlySpan<byte>)[0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0]))
        {
            return Embedded(new IPAddress(b.AsSpan(12)), "NAT64");
        }
        return b[0] switch
        {
            0xff => "multicast (ff00::/8)",
            0xfc or 0xfd => "unique local (fc00::/7)",
            0xfe when (b[1] & 0xc0) == 0x80 => "link-local (fe80::/10)",
            0xfe when (b[1] & 0xc0) == 0xc0 => "site-local (fec0::/10)",
            _ => null,
        };
    }

    private static string? Embedded(IPAddress v4, string how) =>
        KindV4(v4.GetAddressBytes()) is { } kind ? $"{how} {kind}" : null;
}
