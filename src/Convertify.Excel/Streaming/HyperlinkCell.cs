namespace Convertify.Excel;

/// <summary>A cell with a hyperlink: 1-based row, 0-based column, and the number of its relationship id (<c>rId</c>N).</summary>
internal readonly record struct HyperlinkCell(int Row, int Column, int Id);
