using System.CommandLine;
using Convertify.Batch.Sources;
using Convertify.Conversion;
using Convertify.Errors;
using Convertify.Excel;
using Convertify.Formats;
using Convertify.Model;

namespace Convertify.Cli.Commands;

/// <summary>
/// <c>convertify dossier &lt;input&gt;… -o dossier.docx</c>: the articles an editor chose (filters, or the rows marked in a
/// catalogue) as one document to read: Word, or one Markdown file.
/// </summary>
internal static class DossierCommand
{
    /// <summary>Creates the command; <paramref name="converterFactory"/> supplies the reader and the dossier writers.</summary>
    public static Command Create(Func<CliFormatOptions, Converter> converterFactory)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "What batch reads: archive folders, quoted globs, .zip/.tar/.tar.gz files, article files",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "The dossier to write: .docx (Word) or .md (one Markdown file)",
            HelpName = "FILE",
            Required = true,
        };
        var title = new Option<string?>("--title") { Description = "The dossier's title (default: its sites and dates)" };
        var select = new Option<string?>("--select")
        {
            Description = "Only the articles marked in this catalogue's select column",
            HelpName = "CATALOG",
        };
        var site = new Option<string?>("--site") { Description = "Only these sites, comma-separated (voa,dw)" };
        var lang = new Option<string?>("--lang") { Description = "Only these languages, comma-separated (zh-Hans,en)" };
        var since = new Option<string?>("--since") { Description = "Only articles published on or after this day (yyyy-MM-dd)" };
        var until = new Option<string?>("--until") { Description = "Only articles published on or before this day (yyyy-MM-dd)" };
        var order = new Option<string>("--order")
        {
            Description = "date, site, or catalog (the catalogue's row order; needs --select)",
            DefaultValueFactory = _ => "date",
        };
        order.AcceptOnlyFromAmong("date", "site", "catalog");
        var from = FromOption.Create(converterFactory);
        var images = new ImageOptions("With --fetch-images: a folder keeping downloaded pictures by content (default: none)");

        var command = new Command("dossier", "Write the chosen articles as one document to read: Word or Markdown");
        command.Arguments.Add(inputs);
        foreach (var option in new Option[] { output, title, select, site, lang, since, until, order, from }.Concat(images.All))
        {
            command.Options.Add(option);
        }
        command.SetAction((ParseResult result) =>
        {
            var target = result.GetValue(output)!;
            DossierRequest request;
            Converter converter;
            try
            {
                var word = images.WordOptions(result, null);
                converter = converterFactory(new CliFormatOptions(word));
                FromOption.Check(converter.Registry, result.GetValue(from));
                var byCatalog = result.GetValue(order) == "catalog";
                if (byCatalog && result.GetValue(select) is null)
                {
                    throw new UsageException("--order catalog needs --select CATALOG");
                }
                request = new DossierRequest(
                    result.GetValue(inputs) ?? [],
                    result.GetValue(from),
                    BatchCommand.SplitList(result.GetValue(site)),
                    BatchCommand.SplitList(result.GetValue(lang)),
                    BatchCommand.ParseDay(result.GetValue(since), "--since"),
                    BatchCommand.ParseDay(result.GetValue(until), "--until"),
                    new DossierOptions(result.GetValue(title),
                        byCatalog ? DossierOrder.Input : result.GetValue(order) == "site" ? DossierOrder.Site : DossierOrder.Date));
            }
            catch (Exception e) when (e is FormatException or UsageException)
            {
                Console.Error.WriteLine("convertify dossier: " + e.Message);
                return BatchCommand.UsageError;
            }
            var extension = Path.GetExtension(target).ToLowerInvariant();
            var writer = extension switch
            {
                ".docx" => converter.Registry.FindDossierWriter("dossier"),
                ".md" => converter.Registry.FindDossierWriter("dossier-md"),
                _ => null,
            };
            if (writer is null)
            {
                Console.Error.WriteLine($"convertify dossier: {target}: name a .docx or .md file to write");
                return BatchCommand.UsageError;
            }
            try
            {
                var selection = result.GetValue(select) is { } catalog ? CatalogSelection.ReadFile(catalog) : null;
                var (written, failed, unmatched) = Write(converter, writer, target, request, selection, CancellationToken.None);
                if (unmatched.Count > 0)
                {
                    Console.Error.WriteLine($"convertify dossier: warning: {unmatched.Count} marked id(s) not in the input: "
                        + string.Join(", ", unmatched.Take(5)) + (unmatched.Count > 5 ? ", …" : ""));
                }
                if (written == 0)
                {
                    Console.Error.WriteLine("convertify dossier: no article matched: nothing written");
                    return 1;
                }
                Console.Out.WriteLine($"dossier: {written} article(s) into {target}"
                    + (failed > 0 ? $"; {failed} input(s) could not be read (listed in its notes)" : ""));
                return 0;
            }
            catch (ConvertifyException e)
            {
                return ErrorReporter.Report(e, verbose: false);
            }
        });
        return command;
    }

    private static (int Written, int Failed, List<string> Unmatched) Write(Converter converter, IDossierWriter writer, string target,
        DossierRequest request, IReadOnlyList<string>? selection, CancellationToken cancellationToken)
    {
        var rank = selection?.Select((id, i) => (id, i)).GroupBy(p => p.id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        // In catalogue order the articles wait for their turn; an editor's selection is small.
        var waiting = request.Options.Order == DossierOrder.Input && rank is not null ? new SortedList<int, Article>() : null;
        int written = 0, failed = 0;
        try
        {
            AtomicFile.Write(Path.GetFullPath(target), stream =>
            {
                using var sink = writer.Open(stream, request.Options);
                void Take(Article article)
                {
                    if (!request.Matches(article.Metadata) || (rank is not null && !rank.ContainsKey(article.Metadata.Id)))
                    {
                        return;
                    }
                    found.Add(article.Metadata.Id);
                    if (waiting is not null)
                    {
                        waiting.TryAdd(rank![article.Metadata.Id], article);
                        return;
                    }
                    sink.Add(article);
                    written++;
                }
                foreach (var input in request.Inputs)
                {
                    using var source = ArchiveSource.Open(input, null, FromOption.InputExtensions(converter.Registry));
                    foreach (var entry in source.Entries(cancellationToken))
                    {
                        if (!entry.IsUsable)
                        {
                            sink.AddFailure(entry.RelativePath, entry.Error!);
                            failed++;
                            continue;
                        }
                        if (converter.IndexPages is { } index && index.IsIndexPage(entry.RelativePath))
                        {
                            continue;
                        }
                        // A feed holds many articles; a fault half way through its file keeps the articles before it.
                        try
                        {
                            var content = entry.LoadAsync(cancellationToken).GetAwaiter().GetResult();
                            foreach (var article in FromOption.ReadAll(converter, content, request.From))
                            {
                                Take(article);
                            }
                        }
                        catch (ConvertifyException e)
                        {
                            sink.AddFailure(entry.RelativePath, e.Message);
                            failed++;
                        }
                    }
                }
                foreach (var article in waiting?.Values ?? [])
                {
                    sink.Add(article);
                    written++;
                }
                if (written > 0)
                {
                    sink.Complete();
                }
                else
                {
                    throw new NothingMatchedException();
                }
            });
        }
        catch (NothingMatchedException)
        {
            // Nothing to write: the temporary file is gone and no dossier is left behind.
        }
        var unmatched = selection?.Where(id => !found.Contains(id)).Distinct(StringComparer.Ordinal).ToList() ?? [];
        return (written, failed, unmatched);
    }

    private sealed class NothingMatchedException : Exception;

    private sealed record DossierRequest(string[] Inputs, string? From, string[] Sites, string[] Languages, DateOnly? Since, DateOnly? Until, DossierOptions Options)
    {
        public bool Matches(ArticleMetadata m)
        {
            var day = DateOnly.FromDateTime(m.Published.Value.DateTime);
            return (Sites.Length == 0 || Sites.Contains(m.Site.Code, StringComparer.OrdinalIgnoreCase))
                && (Languages.Length == 0 || Languages.Contains(m.Language, StringComparer.OrdinalIgnoreCase))
                && (Since is null || day >= Since) && (Until is null || day <= Until);
        }
    }
}
