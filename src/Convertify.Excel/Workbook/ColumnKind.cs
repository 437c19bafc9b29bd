namespace Convertify.Excel;

/// <summary>How a column's cells are typed and formatted.</summary>
internal enum ColumnKind
{
    Text,
    Number,
    DateTime,
    Link,
}
