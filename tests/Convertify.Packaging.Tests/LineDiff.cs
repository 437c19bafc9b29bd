using System.Text;

namespace Convertify.Packaging.Tests;

/// <summary>A line diff (longest common subsequence) of two texts: removed lines as "- ", added as "+ ".</summary>
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
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || common[x, y + 1] >= common[x + 1, y]))
            {
                text.Append("+ ").Append(b[y++]).Append('\n');
            }
            else
            {
                text.Append("- ").Append(a[x++]).Append('\n');
            }
        }
        return text.ToString();
    }
}
