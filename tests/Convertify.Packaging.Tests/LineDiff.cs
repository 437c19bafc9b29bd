using System.Text;

namespace Convertify.Packaging.Tests;

/// <summary>
/// A line diff (longest common subsequence) of two texts: removed lines as "- ", added as "+ ". A changed indented line
/// (a member) is preceded by "@ " and the unindented line it belongs under (its type), once per type.
/// </summary>
public static class LineDiff
{
    public static string Of(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }
        var text = new StringBuilder();
        string? header = null;
        string? shown = null;
        void Change(string sign, string line)
        {
            if (!line.StartsWith(' '))
            {
                header = shown = line;
            }
            else if (header is not null && header != shown)
            {
                text.Append("@ ").Append(header).Append('\n');
                shown = header;
            }
            text.Append(sign).Append(line).Append('\n');
        }
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                if (!a[x].StartsWith(' '))
                {
                    header = a[x];
                }
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || common[x, y + 1] >= common[x + 1, y]))
            {
                Change("+ ", b[y++]);
            }
            else
            {
                Change("- ", a[x++]);
            }
        }
        return text.ToString();
    }
}
