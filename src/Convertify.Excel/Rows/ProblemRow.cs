namespace Convertify.Excel;

/// <summary>One Problems row: a warning or an error about one input.</summary>
internal sealed record ProblemRow(string Source, string ArticleId, string Severity, string Code, string Message)
{
    public const string Warning = "warning";
    public const string Error = "error";
}
