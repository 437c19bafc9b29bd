namespace Convertify.Excel;

/// <summary>A1-style cell references.</summary>
internal static class CellReference
{
    /// <summary>The letters of 0-based column <paramref name="column"/>: A, …, Z, AA, ….</summary>
    public static string ColumnName(int column)
    {
        var name = string.Empty;
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }
        return name;
    }

    /// <summary>The 0-based column of the letters that start <paramref name="reference"/> (e.g. <c>D2</c>), or -1.</summary>
    public static int ColumnIndex(string reference)
    {
        var n = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetterUpper(reference[i]); i++)
        {
            n = n * 26 + (reference[i] - 'A' + 1);
        }
        return i == 0 ? -1 : n - 1;
    }
}
