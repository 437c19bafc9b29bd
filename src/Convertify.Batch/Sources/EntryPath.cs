using System.Text;

namespace Convertify.Batch.Sources;

/// <summary>Checks archive entry names and turns them into safe relative paths (zip-slip safe).</summary>
internal static class EntryPath
{
    /// <summary>
    /// The safe relative path for an entry name, or null with the reason. Refuses absolute paths, drive letters,
    /// backslashes, <c>..</c>, NUL and other control characters. Drops <c>.</c> segments and everything before the
    /// first <c>articles</c> or <c>lists</c> folder, so <c>dmn/articles/voa/1.md</c> becomes <c>articles/voa/1.md</c>.
    /// </summary>
    public static string? Sanitize(string name, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(name);
        reason = Check(name);
        if (reason is not null)
        {
            return null;
        }
        var segments = name.Split('/').Where(s => s.Length > 0 && s != ".").ToList();
        if (segments.Count == 0)
        {
            reason = "empty entry name";
            return null;
        }
        var start = segments.FindIndex(s => s is "articles" or "lists");
        if (start > 0 && start < segments.Count - 1)
        {
            segments.RemoveRange(0, start);
        }
        return string.Join('/', segments);
    }

    /// <summary>The name with control characters shown as <c>\uXXXX</c>, for messages.</summary>
    public static string Printable(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsControl(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private static string? Check(string name)
    {
        if (name.Length == 0)
        {
            return "empty entry name";
        }
        if (name.Contains('\0', StringComparison.Ordinal))
        {
            return "entry name contains a NUL character";
        }
        if (name.Any(char.IsControl))
        {
            return "entry name contains a control character";
        }
        if (name.Contains('\\', StringComparison.Ordinal))
        {
            return "entry name contains a backslash";
        }
        if (name[0] == '/')
        {
            return "entry name is an absolute path";
        }
        if (name.Length >= 2 && char.IsAsciiLetter(name[0]) && name[1] == ':')
        {
            return "entry name starts with a drive letter";
        }
        if (name.Split('/').Any(s => s == ".."))
        {
            return "entry name contains a '..' segment";
        }
        return null;
    }
}
