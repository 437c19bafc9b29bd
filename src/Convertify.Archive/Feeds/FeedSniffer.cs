namespace Convertify.Archive.Feeds;

/// <summary>
/// Looks at the start of an input for a feed's root element, after an optional BOM, XML declaration, processing
/// instructions, comments, a DOCTYPE and whitespace; only the first <see cref="Window"/> bytes are read.
/// </summary>
internal static class FeedSniffer
{
    public const int Window = 8 * 1024;

    public static bool IsFeed(ReadOnlySpan<byte> content)
    {
        var text = Start(content);
        var root = SkipProlog(text, out _);
        if (root < 0)
        {
            return false;
        }
        var rest = text[root..];
        if (StartsWithName(rest, "<rss"u8) || StartsWithName(rest, "<rdf:RDF"u8))
        {
            return true;
        }
        // <feed> or <atom:feed>, and the Atom namespace declared in the root tag.
        var nameEnd = rest.IndexOfAny(" \t\r\n/>"u8);
        var name = nameEnd < 0 ? rest[1..] : rest[1..nameEnd];
        var local = name.LastIndexOf((byte)':') is var colon and >= 0 ? name[(colon + 1)..] : name;
        if (!local.SequenceEqual("feed"u8))
        {
            return false;
        }
        var tagEnd = rest.IndexOf((byte)'>');
        var tag = tagEnd < 0 ? rest : rest[..tagEnd];
        return tag.IndexOf("http://www.w3.org/2005/Atom"u8) >= 0;
    }

    /// <summary>The line (from 1) of the prolog's DOCTYPE, which the reader refuses; 0 when there is none.</summary>
    public static int DoctypeLine(ReadOnlySpan<byte> content)
    {
        var bom = content.StartsWith("\uFEFF"u8) ? 3 : 0;
        SkipProlog(Start(content), out var doctype);
        return doctype < 0 ? 0 : content[..(bom + doctype)].Count((byte)'\n') + 1;
    }

    private static ReadOnlySpan<byte> Start(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("\uFEFF"u8))
        {
            content = content[3..];
        }
        return content.Length > Window ? content[..Window] : content;
    }

    /// <summary>The index of the root element's <c>&lt;</c>, or -1 when the prolog holds something else or does not end in the window; <paramref name="doctype"/> is the DOCTYPE's index, or -1.</summary>
    private static int SkipProlog(ReadOnlySpan<byte> text, out int doctype)
    {
        doctype = -1;
        var i = 0;
        while (true)
        {
            var next = text[i..].IndexOfAnyExcept(" \t\r\n"u8);
            if (next < 0)
            {
                return -1;
            }
            i += next;
            var rest = text[i..];
            int end;
            if (rest.StartsWith("<?"u8))
            {
                end = rest.IndexOf("?>"u8);
                end = end < 0 ? -1 : end + 2;
            }
            else if (rest.StartsWith("<!--"u8))
            {
                end = rest.IndexOf("-->"u8);
                end = end < 0 ? -1 : end + 3;
            }
            else if (rest.StartsWith("<!DOCTYPE"u8))
            {
                doctype = i;
                end = DoctypeEnd(rest);
            }
            else
            {
                return rest.StartsWith("<"u8) ? i : -1;
            }
            if (end < 0)
            {
                return -1;
            }
            i += end;
        }
    }

    /// <summary>The end of a DOCTYPE declaration, past its internal subset in brackets.</summary>
    private static int DoctypeEnd(ReadOnlySpan<byte> rest)
    {
        var inSubset = false;
        for (var i = 0; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case (byte)'[':
                    inSubset = true;
                    break;
                case (byte)']':
                    inSubset = false;
                    break;
                case (byte)'>' when !inSubset:
                    return i + 1;
            }
        }
        return -1;
    }

    private static bool StartsWithName(ReadOnlySpan<byte> text, ReadOnlySpan<byte> name) =>
        text.StartsWith(name) && (text.Length == name.Length || text[name.Length] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'>' or (byte)'/');
}
