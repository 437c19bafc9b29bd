namespace Convertify.Excel;

/// <summary>How a column's cells are typed and formatted.</summary>
internal enum ColumnKind
{
    Text,
    Number,
    DateTime,
    /// <summary>Text with a hyperlink (a title, a source's name); wraps when the column is capped.</summary>
    Link,

    /// <summary>An address or path shown as itself and linked to it: cut at the column's edge, never wrapped (a URL over three lines helps no one).</summary>
    Address,
}
