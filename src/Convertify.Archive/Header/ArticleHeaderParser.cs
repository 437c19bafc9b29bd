using System.Globalization;
using Convertify.Errors;
using Convertify.Text;

namespace Convertify.Archive.Header;

/// <summary>
/// Parses the frame <c>&lt;!--EPOCH_MS--&gt;</c>, <c>[Title](URL)</c> (possibly over two lines), <c>------</c>, blank line, body.
/// Tolerates CRLF/CR line ends, trailing whitespace and a missing final newline.
/// </summary>
internal static class ArticleHeaderParser
{
    private const int MaxTitleLines = 3;

    // The frame is a few short lines: decoded on its own, it lets the body be decoded straight into its own string
    // instead of decoding the whole file and copying the body out of it. Most frames fit the first kilobyte.
    private static readonly int[] FramePrefixBytes = [1024, 8192];

    /// <summary>Decodes and parses a whole article file.</summary>
    public static ArticleHeader Parse(string path, ReadOnlySpan<byte> bytes)
    {
        bytes = ArchiveTextDecoder.Check(path, bytes);
        var tried = 0;
        foreach (var limit in FramePrefixBytes)
        {
            var cut = bytes[..Math.Min(bytes.Length, limit)].LastIndexOf((byte)'\n') + 1;
            if (cut <= tried)
            {
                continue;
            }
            tried = cut;
            var prefix = ArchiveTextDecoder.DecodePart(path, bytes, bytes[..cut]);
            ArticleHeader? frame = null;
            var bodyStart = 0;
            try
            {
                frame = Parse(path, prefix, out bodyStart);
            }
            catch (ArticleFormatException)
            {
                // No whole frame within the prefix (or no frame at all): a longer part, or the whole text, decides and words the error.
            }
            if (frame is not null)
            {
                var bodyBytes = bytes[System.Text.Encoding.UTF8.GetByteCount(prefix.AsSpan(0, bodyStart))..];
                return frame with { BodyHtml = bodyBytes.IsEmpty ? string.Empty : ArchiveTextDecoder.DecodePart(path, bytes, bodyBytes) };
            }
        }
        return Parse(path, ArchiveTextDecoder.DecodePart(path, bytes, bytes));
    }

    private static ArticleHeader Parse(string path, string text)
    {
        var header = Parse(path, text, out var bodyStart);
        return header with { BodyHtml = bodyStart >= text.Length ? string.Empty : text[bodyStart..] };
    }

    /// <summary>Parses the frame; the body is left empty and starts at <paramref name="bodyStart"/> of <paramref name="text"/>.</summary>
    private static ArticleHeader Parse(string path, string text, out int bodyStart)
    {
        var reader = new LineReader(text);
        var first = reader.Next();
        while (first is not null && first.Trim().Length == 0)
        {
            first = reader.Next();
        }
        first = first?.Trim() ?? string.Empty;
        if (!first.StartsWith("<!--", StringComparison.Ordinal))
        {
            if (ArchiveIndexDetector.LooksLikeIndex(text) || ArchiveIndexDetector.IsInListsFolder(path))
            {
                throw new ArticleFormatException(path, FormatProblem.ArchiveIndex, $"{Path.GetFileName(path)} is an archive index page, not an article");
            }
            throw new ArticleFormatException(path, FormatProblem.InvalidHeader, "line 1 is not a feed time comment like <!--1672331948000-->");
        }
        if (!first.EndsWith("-->", StringComparison.Ordinal) || first.Length < 7)
        {
            throw new ArticleFormatException(path, FormatProblem.InvalidHeader, "truncated header: line 1 does not close its <!-- --> comment");
        }
        var stamp = first[4..^3].Trim();
        if (stamp.Length == 0 || stamp.Length > 15 || !long.TryParse(stamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            || ms < -62_135_596_800_000L || ms > 253_402_300_799_999L)
        {
            throw new ArticleFormatException(path, FormatProblem.InvalidHeader, $"unparseable feed time '{Shorten(stamp)}' on line 1 (expected milliseconds since 1970)");
        }
        var feedTime = DateTimeOffset.FromUnixTimeMilliseconds(ms);

        var titleLines = new List<string>(2);
        string? line;
        var sawRule = false;
        while ((line = reader.Next()) is not null)
        {
            var trimmed = line.Trim();
            if (IsRule(trimmed) && titleLines.Count > 0)
            {
                sawRule = true;
                break;
            }
            if (titleLines.Count == 0 && trimmed.Length == 0)
            {
                continue;
            }
            titleLines.Add(trimmed);
            if (titleLines.Count > MaxTitleLines)
            {
                break;
            }
        }
        if (titleLines.Count == 0)
        {
            throw new ArticleFormatException(path, FormatProblem.InvalidHeader, "truncated header: no [Title](URL) line after the feed time");
        }
        if (!titleLines[0].StartsWith('['))
        {
            throw new ArticleFormatException(path, FormatProblem.InvalidHeader, "missing title line: line 2 should be [Title](URL)");
        }
        if (!sawRule)
        {
            throw new ArticleFormatException(path, FormatProblem.InvalidHeader,
                titleLines.Count > MaxTitleLines ? "missing '------' line after the title" : "truncated header: no '------' line after the title");
        }
        var (title, url) = SplitTitle(path, titleLines.Aggregate(JoinLines));
        bodyStart = reader.Position;
        return new ArticleHeader(feedTime, title, url, string.Empty, titleLines.Count > 1);
    }

    private static bool IsRule(string line) => line.Length >= 3 && line.AsSpan().IndexOfAnyExcept('-') < 0;

    private static string JoinLines(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a + b;
        }
        return CjkText.IsCjk(a[^1]) || CjkText.IsCjk(b[0]) ? a + b : a + " " + b;
    }

    private static (string Title, string Url) SplitTitle(string path, string line)
    {
        if (!line.EndsWith(')'))
        {
            throw new ArticleFormatException(path, FormatProblem.InvalidHeader, "malformed title line: expected [Title](URL)");
        }
        // Span searches: string.LastIndexOf(string, Ordinal) goes through CompareInfo, whose first use opens an ICU collator.
        var split = line.AsSpan().LastIndexOf("](");
        // A URL holds no spaces; when the last "](" is followed by a space, look further left.
        while (split > 0 && line.AsSpan(split + 2, line.Length - split - 3).ContainsAny(' ', '\t'))
        {
            split = line.AsSpan(0, split).LastIndexOf("](");
        }
        if (split <= 0)
        {
            throw new ArticleFormatException(path, FormatProblem.InvalidHeader, "malformed title line: expected [Title](URL)");
        }
        var title = line[1..split].Trim();
        var url = line[(split + 2)..^1].Trim();
        if (title.Length == 0)
        {
            throw new ArticleFormatException(path, FormatProblem.InvalidHeader, "the title line has an empty title");
        }
        return (title, url);
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";

    /// <summary>Reads lines ending in LF, CRLF or CR.</summary>
    private sealed class LineReader(string text)
    {
        private int _position;

        public string? Next()
        {
            if (_position >= text.Length)
            {
                return null;
            }
            var start = _position;
            var end = text.AsSpan(start).IndexOfAny('\r', '\n');
            if (end < 0)
            {
                _position = text.Length;
                return text[start..];
            }
            end += start;
            _position = end + 1;
            if (text[end] == '\r' && _position < text.Length && text[_position] == '\n')
            {
                _position++;
            }
            return text[start..end];
        }

        public int Position => _position;
    }
}
