namespace Convertify.Excel;

/// <summary>
/// Receives the cells of one table row in column order. A <see cref="StreamedTable"/> describes each row once;
/// its visitors measure column widths, collect hyperlink targets or write the row's XML.
/// </summary>
internal interface ICellVisitor
{
    /// <summary>A text cell; empty text is no cell.</summary>
    void Text(int column, string? value);

    /// <summary>A number cell.</summary>
    void Number(int column, int value);

    /// <summary>A date-time cell (text when Excel cannot hold the date, see <see cref="ExcelDates"/>).</summary>
    void DateTime(int column, DateTime value);

    /// <summary>
    /// Text with a hyperlink to <paramref name="address"/>: an absolute web or mail address, or a path relative to the
    /// catalogue when <paramref name="relative"/>. The visitor builds the target (see <see cref="Hyperlinks"/>) only if it needs it.
    /// </summary>
    void Link(int column, string? text, string? address, bool relative);
}
