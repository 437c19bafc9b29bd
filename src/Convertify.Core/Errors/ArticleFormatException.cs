namespace Convertify.Errors;

/// <summary>An input is not a readable article. <see cref="Exception.Message"/> is one line: <c>path: problem</c>.</summary>
public sealed class ArticleFormatException : ConvertifyException
{
    /// <summary>Creates the error.</summary>
    /// <param name="sourcePath">The input's path.</param>
    /// <param name="problem">The kind of problem.</param>
    /// <param name="detail">What exactly is wrong, for people.</param>
    public ArticleFormatException(string sourcePath, FormatProblem problem, string detail)
        : base($"{sourcePath}: {detail}")
    {
        SourcePath = sourcePath;
        Problem = problem;
        Detail = detail;
    }

    /// <summary>The input's path.</summary>
    public string SourcePath { get; }

    /// <summary>The kind of problem.</summary>
    public FormatProblem Problem { get; }

    /// <summary>What exactly is wrong.</summary>
    public string Detail { get; }
}
