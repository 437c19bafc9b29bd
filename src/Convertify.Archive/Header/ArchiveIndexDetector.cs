namespace Convertify.Archive.Header;

/// <summary>Recognises the archive's index pages (<c>lists/*.md</c>): a heading, <c>------</c>, then <c>M-D [title](/articles/…)</c> lines.</summary>
internal static class ArchiveIndexDetector
{
    public static bool LooksLikeIndex(string text)
    {
        var probe = text.AsSpan(0, Math.Min(text.Length, 16384));
        foreach (var raw in probe.EnumerateLines())
        {
            var line = raw.Trim();
            var dash = line.IndexOf('-');
            if (dash is < 1 or > 2 || !AllDigits(line[..dash]))
            {
                continue;
            }
            var rest = line[(dash + 1)..];
            var space = rest.IndexOf(' ');
            if (space is < 1 or > 2 || !AllDigits(rest[..space]) || !rest[(space + 1)..].StartsWith("["))
            {
                continue;
            }
            if (rest.Contains("](/articles/", StringComparison.Ordinal) || rest.Contains("](articles/", StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True for a path like <c>…/lists/&lt;name&gt;.md</c>, where the archive keeps its index pages.</summary>
    public static bool IsInListsFolder(string path)
    {
        var parts = path.Replace('\\', '/').Split('/');
        return parts.Length >= 2 && parts[^2] == "lists";
    }

    private static bool AllDigits(ReadOnlySpan<char> s) => s.Length > 0 && s.IndexOfAnyExceptInRange('0', '9') < 0;
}
