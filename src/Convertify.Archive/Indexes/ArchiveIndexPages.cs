using System.Globalization;
using System.Text;
using Convertify.Formats;

namespace Convertify.Archive.Indexes;

/// <summary>
/// The archive's index pages (<c>lists/*.md</c>): a heading, <c>------</c>, then lines <c>M-D [title](/articles/site/id.md)</c>,
/// where the id is the numeric start of the article's file name.
/// </summary>
public sealed class ArchiveIndexPages : IIndexPageReader
{
    /// <inheritdoc />
    public bool IsIndexPage(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        return relativePath.StartsWith("lists/", StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public IReadOnlyList<IndexPageEntry> Read(string relativePath, ReadOnlySpan<byte> content) => Parse(relativePath, content);

    /// <inheritdoc />
    public string? ArticleId(string fileName) => IdOf(fileName);

    /// <summary>The entries of an index page; lines that are not entries are ignored.</summary>
    public static IReadOnlyList<IndexPageEntry> Parse(string listPath, ReadOnlySpan<byte> content)
    {
        var entries = new List<IndexPageEntry>();
        var text = Encoding.UTF8.GetString(content);
        foreach (var rawLine in text.Split('\n'))
        {
            var entry = ParseLine(listPath, rawLine.TrimEnd('\r', ' ', '\t'));
            if (entry is not null)
            {
                entries.Add(entry);
            }
        }
        return entries;
    }

    /// <summary>The numeric id at the start of a file stem (<c>1047717_Zoom…</c> gives <c>1047717</c>); null when there is none.</summary>
    public static string? IdOf(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var stem = fileName.AsSpan();
        stem = stem.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? stem[..^3] : stem;
        var length = 0;
        while (length < stem.Length && char.IsAsciiDigit(stem[length]))
        {
            length++;
        }
        return length > 0 && (length == stem.Length || stem[length] == '_') ? stem[..length].ToString() : null;
    }

    private static IndexPageEntry? ParseLine(string listPath, string line)
    {
        var dash = line.IndexOf('-', StringComparison.Ordinal);
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (dash <= 0 || space <= dash + 1 || line.Length <= space + 1 || line[space + 1] != '[' || !line.EndsWith(')'))
        {
            return null;
        }
        if (!int.TryParse(line.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var month) ||
            !int.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var day) ||
            month is < 1 or > 12 || day is < 1 or > 31)
        {
            return null;
        }
        var split = line.LastIndexOf("](", StringComparison.Ordinal);
        if (split < space + 1)
        {
            return null;
        }
        var title = line[(space + 2)..split].Trim();
        string link;
        try
        {
            link = Uri.UnescapeDataString(line[(split + 2)..^1]);
        }
        catch (UriFormatException)
        {
            return null;
        }
        var segments = link.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(segments, "articles");
        if (at < 0 || segments.Length < at + 3)
        {
            return null;
        }
        var id = IdOf(segments[^1]);
        return id is null ? null : new IndexPageEntry(listPath, month, day, title, segments[at + 1], id);
    }
}
