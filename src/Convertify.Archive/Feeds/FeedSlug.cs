using System.Security.Cryptography;
using System.Text;

namespace Convertify.Archive.Feeds;

/// <summary>
/// An item's slug, from its identity (guid/id, else link): an http(s) URL's last path segment without its extension, any
/// other identity whole; lowercased, only <c>[a-z0-9-]</c> kept (other runs become one <c>-</c>), at most
/// <see cref="MaxLength"/> characters. A <c>urn:uuid:</c> identity gives its uuid; one that leaves nothing (a
/// segment all in Chinese, a URL ending in <c>/</c>) gives the first 12 hex characters of its SHA-256.
/// </summary>
internal static class FeedSlug
{
    public const int MaxLength = 80;

    public static string Of(string identity)
    {
        var text = identity.Trim();
        if (text.StartsWith("urn:uuid:", StringComparison.OrdinalIgnoreCase))
        {
            var uuid = Clean(text["urn:uuid:".Length..]);
            return uuid.Length > 0 ? uuid : Hash(text);
        }
        var slug = Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? Clean(WithoutExtension(LastSegment(uri)))
            : Clean(text);
        return slug.Length > 0 ? slug : Hash(text);
    }

    private static string LastSegment(Uri uri)
    {
        var path = uri.AbsolutePath.TrimEnd('/');
        return Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
    }

    private static string WithoutExtension(string segment)
    {
        var dot = segment.LastIndexOf('.');
        return dot > 0 ? segment[..dot] : segment;
    }

    /// <summary>Lowercase <c>[a-z0-9-]</c>, other runs as one <c>-</c>, no <c>-</c> at either end, at most <see cref="MaxLength"/>.</summary>
    public static string Clean(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength));
        var dash = false;
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (dash && builder.Length > 0)
                {
                    builder.Append('-');
                }
                dash = false;
                builder.Append(c);
                if (builder.Length >= MaxLength)
                {
                    break;
                }
            }
            else
            {
                dash = true;
            }
        }
        var slug = builder.ToString();
        return slug.Length > MaxLength ? slug[..MaxLength].TrimEnd('-') : slug;
    }

    private static string Hash(string identity) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..12];
}
