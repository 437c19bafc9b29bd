#!/usr/bin/env -S dotnet run -c Release
#:project ../src/Convertify.Word/Convertify.Word.csproj
#:project ../src/Convertify.Archive/Convertify.Archive.csproj
#:property PublishAot=false
// Writes one dossier of N articles (default 1,000): the corpus articles repeated with distinct ids, URLs and texts.
// Usage: CONVERTIFY_CORPUS=<folder> /usr/bin/time -v dotnet run -c Release scripts/dossier-bench.cs -- [N] [out.docx]
using System.Diagnostics;
using System.Globalization;
using Convertify.Archive;
using Convertify.Formats;
using Convertify.Model;
using Convertify.Word;

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var outputPath = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "dossier-bench.docx");
var corpus = Environment.GetEnvironmentVariable("CONVERTIFY_CORPUS") ?? throw new InvalidOperationException("set CONVERTIFY_CORPUS");
var files = Directory.EnumerateFiles(Path.Combine(corpus, "duty-machine-news", "articles"), "*.md", SearchOption.AllDirectories)
    .Order(StringComparer.Ordinal).ToList();
var reader = new ArchiveArticleReader();
var total = Stopwatch.StartNew();
using (var output = File.Create(outputPath))
using (var writer = new WordDossierWriter())
using (var sink = writer.Open(output, new DossierOptions(Order: DossierOrder.Date)))
{
    for (var i = 0; i < count; i++)
    {
        // Read afresh each time, as a batch does: the dossier must not need the articles kept.
        var template = reader.Read(ArticleInput.FromFile(files[i % files.Count]));
        var metadata = template.Metadata with
        {
            Id = $"{template.Metadata.Site.Code}/{i:D7}",
            OriginalUrl = $"{template.Metadata.OriginalUrl}?copy={i}",
        };
        var statistics = template.Statistics with { ContentHash = $"{i:x8}{template.Statistics.ContentHash.AsSpan(8)}" };
        sink.Add(template with { Metadata = metadata, Statistics = statistics });
    }
    var complete = Stopwatch.StartNew();
    sink.Complete();
    Console.WriteLine($"complete: {complete.Elapsed.TotalSeconds:F2} s");
}
using var self = Process.GetCurrentProcess();
Console.WriteLine($"articles: {count:N0}, total: {total.Elapsed.TotalSeconds:F2} s, peak working set: {self.PeakWorkingSet64 / 1048576.0:F0} MiB, " +
    $"file: {new FileInfo(outputPath).Length / 1048576.0:F1} MiB ({outputPath})");
