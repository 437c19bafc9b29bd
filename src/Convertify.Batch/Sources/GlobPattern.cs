using System.Text;
using System.Text.RegularExpressions;

namespace Convertify.Batch.Sources;

/// <summary>Splits a glob (<c>archive/articles/*/10*.md</c>, <c>**</c> for any depth) into its fixed folder and a matcher for the rest.</summary>
internal static class GlobPattern
{
    /// <summary>True when the text holds a wildcard.</summary>
    public static bool IsGlob(string text) => text.IndexOfAny(['*', '?']) >= 0;

    /// <summary>The folder before the first wildcard segment, and a regex for paths relative to it.</summary>
    public static (string Folder, Regex Pattern) Split(string glob)
    {
        var normalised = glob.Replace('\\', '/');
        var segments = normalised.Split('/');
        var fixedCount = 0;
        while (fixedCount < segments.Length - 1 && !IsGlob(segments[fixedCount]))
        {
            fixedCount++;
        }
        var folder = string.Join('/', segments.Take(fixedCount));
        if (folder.Length == 0)
        {
            folder = normalised.StartsWith('/') ? "/" : ".";
        }
        var rest = string.Join('/', segments.Skip(fixedCount));
        return (folder, new Regex(ToRegex(rest), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
    }

    private static string ToRegex(string glob)
    {
        var builder = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                i++;
                if (i + 1 < glob.Length && glob[i + 1] == '/')
                {
                    i++;
                    builder.Append("(?:.*/)?");
                }
                else
                {
                    builder.Append(".*");
                }
            }
            else if (c == '*')
            {
                builder.Append("[^/]*");
            }
            else if (c == '?')
            {
                builder.Append("[^/]");
            }
            else
            {
                builder.Append(Regex.Escape(c.ToString()));
            }
        }
        return builder.Append('$').ToString();
    }
}
