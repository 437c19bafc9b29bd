using Convertify.Conversion;

namespace Embedding;

/// <summary>Use 2: a static-site generator converts a whole archive folder, with progress, cancellation and per-file failures.</summary>
public static class SitePipeline
{
    /// <summary>Writes <c>content/&lt;site&gt;/&lt;id&gt;.md</c> for every article under <paramref name="archive"/>; returns how many were written.</summary>
    public static async Task<int> BuildAsync(string archive, string content, CancellationToken cancellationToken)
    {
        var converter = new ConverterBuilder().AddArchiveReader().AddMarkdown().Build();
        var inputs = Directory.EnumerateFiles(archive, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        var progress = new Progress<ConversionProgress>(p => Console.WriteLine($"[{p.Completed}/{p.Total}] {p.Result.SourcePath}"));

        var results = await converter.ConvertManyAsync(inputs, "md", content, progress, cancellationToken);

        foreach (var failure in results.Where(r => r.Status == ConversionStatus.Failed))
        {
            // ArticleFormatException: the file, the kind of problem, and what exactly is wrong.
            Console.Error.WriteLine($"skipped {failure.Error!.SourcePath}: {failure.Error.Problem}: {failure.Error.Detail}");
        }
        // Cancelled: the run still returns; the inputs it did not reach say so.
        if (results.Count(r => r.Cancelled) is > 0 and var cancelled)
        {
            Console.Error.WriteLine($"cancelled: {cancelled} of {results.Count} inputs not converted");
        }
        return results.Count(r => r.Succeeded);
    }
}
