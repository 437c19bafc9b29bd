namespace Convertify.Excel;

/// <summary>One Images row.</summary>
internal sealed record ImageRow(string ArticleId, int Position, string Url, string Alt, string Caption, string Credit);
