namespace Convertify.Fuzz.Targets;

/// <summary>The targets by name, in the order <c>scripts/fuzz.sh</c> runs them.</summary>
internal static class FuzzTargets
{
    public static readonly string[] Names = ["archive", "html", "md", "docx", "xlsx"];

    /// <summary>A new target (each holds its own reader and writer), or null for an unknown name.</summary>
    public static IFuzzTarget? Create(string name) => name switch
    {
        "archive" => new ArchiveTarget(),
        "html" => new HtmlTarget(),
        "md" => new MarkdownTarget(),
        "docx" => new WordTarget(),
        "xlsx" => new CatalogueTarget(),
        _ => null,
    };
}
