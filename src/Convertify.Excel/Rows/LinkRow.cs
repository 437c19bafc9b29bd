namespace Convertify.Excel;

/// <summary>One Links row.</summary>
internal sealed record LinkRow(string ArticleId, string Text, string Url, bool Internal);
