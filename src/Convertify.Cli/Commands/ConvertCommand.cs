using System.CommandLine;
using Convertify.Batch;
using Convertify.Conversion;
using Convertify.Errors;
using Convertify.Formats;
using Convertify.Model;
using Convertify.Word;

namespace Convertify.Cli.Commands;

/// <summary>
/// <c>convertify convert &lt;file&gt;… --to md|docx|xlsx [-o path]</c>. An input of a format that holds many articles (a
/// feed) gives a file per article, named after it (<c>&lt;slug&gt;.md</c>, see <see cref="ItemSlugs"/>), in the folder
/// <c>-o</c> names, or a catalogue row per article.
/// </summary>
internal static class ConvertCommand
{
    public static Command Create(CliHost host)
    {
        var inputs = new Argument<string[]>("file")
        {
            Description = "Article file(s) or feeds to convert; '-' reads one article from standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var to = new Option<string>("--to", "-t")
        {
            Description = "Output format: md, docx or xlsx (see 'convertify formats').",
            HelpName = "FORMAT",
            Required = true,
        };
        to.CompletionSources.Add("md", "docx", "xlsx");
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Output file, or a folder (an existing one, or a path ending in /) to write <name>.<ext> " +
                          "into; '-' or absent: standard output. Several inputs, or a feed of several articles, " +
                          "to md/docx need a folder.",
            HelpName = "PATH",
        };
        var name = new Option<string?>("--name")
        {
            Description = "With '-': the article's site and id (default: the site of its URL and the URL's last part).",
            HelpName = "SITE/ID",
        };
        var from = FromOption.Create(host.CreateConverter);
        var images = new ImageOptions("With --fetch-images: a folder keeping downloaded pictures by content, so later runs (and batches) " +
                                      "reuse them instead of downloading again (default: none, downloads are not kept)");
        var command = new Command("convert", "Convert article files to Markdown, Word or an Excel catalogue.")
        {
            inputs, to, from, output, name,
        };
        foreach (var option in images.All)
        {
            command.Options.Add(option);
        }
        command.SetAction((parse, cancellationToken) =>
        {
            var verbose = parse.GetValue(CommonOptions.Verbose);
            try
            {
                var request = new ConvertRequest(parse.GetValue(inputs) ?? [], parse.GetValue(to)!, parse.GetValue(output),
                    parse.GetValue(name), parse.GetValue(from), images.WordOptions(parse, defaultCache: null));
                return Task.FromResult(Run(host, request, verbose, cancellationToken));
            }
            catch (Exception e)
            {
                return Task.FromResult(ErrorReporter.Report(e, verbose));
            }
        });
        return command;
    }

    private static readonly WarningPrinter Warnings = new();

    private sealed record ConvertRequest(string[] Inputs, string Format, string? Output, string? Name, string? From, WordWriterOptions Word)
    {
        public bool ToStandardOutput => Output is null or "-";

        /// <summary>An existing folder, or a path ending in a separator, is a folder to write into.</summary>
        public bool ToFolder => !ToStandardOutput &&
                                (Output!.EndsWith('/') || Output.EndsWith(Path.DirectorySeparatorChar) || Directory.Exists(Output));
    }

    private static int Run(CliHost host, ConvertRequest request, bool verbose, CancellationToken cancellationToken)
    {
        if (request.Inputs.Count(i => i == StandardInput.Name) > 1)
        {
            throw new UsageException("'-' (standard input) can be given only once");
        }
        if (request.Name is not null && !request.Inputs.Contains(StandardInput.Name))
        {
            throw new UsageException("--name only applies to '-' (standard input)");
        }
        var converter = host.CreateConverter(new CliFormatOptions(request.Word with { Warn = Warnings.Print }));
        FromOption.Check(converter.Registry, request.From);
        var catalog = converter.Registry.FindCatalogWriter(request.Format);
        if (catalog is not null)
        {
            return WriteCatalog(host, converter, catalog, request, verbose, cancellationToken);
        }
        var writer = converter.Registry.GetWriter(request.Format);
        if (request.Inputs.Length == 1)
        {
            var input = request.Inputs[0];
            Warnings.CurrentInput = input;
            Article article;
            if (input == StandardInput.Name)
            {
                article = StandardInput.Read(converter, request.Name, request.From);
            }
            else
            {
                var loaded = Load(converter, input, request.From);
                if (loaded.Reader.ReadsMany)
                {
                    return WriteFeed(host, writer, ReadFeed(input, loaded), request, verbose);
                }
                article = loaded.Reader.Read(loaded.Content);
            }
            var outputPath = request.ToStandardOutput ? null
                : request.ToFolder ? Path.Combine(request.Output!, Stem(input, article) + writer.Format.Extension)
                : request.Output;
            WriteOne(host, writer, article, outputPath);
            return ExitCodes.Success;
        }
        if (request.ToStandardOutput)
        {
            throw new UsageException($"{request.Inputs.Length} inputs to {writer.Format.Name}: name an output folder with -o");
        }
        return WriteMany(host, converter, writer, request, verbose, cancellationToken);
    }

    /// <summary>A file input's bytes and the reader that reads them (named by --from, else sniffed).</summary>
    private static (ArticleInput Content, IArticleReader Reader) Load(Converter converter, string input, string? from)
    {
        if (Directory.Exists(input))
        {
            throw new InputException($"{input} is a folder: use 'convertify batch {input}'");
        }
        var content = ArticleInput.FromFile(input);
        return (content, converter.Registry.ChooseReader(from, content.Content.Span));
    }

    /// <summary>Every article of an input whose reader reads many (a feed): those before a fault, and the fault.</summary>
    private static Feed ReadFeed(string input, (ArticleInput Content, IArticleReader Reader) loaded)
    {
        var articles = new List<Article>();
        ArticleFormatException? fault = null;
        try
        {
            foreach (var article in loaded.Reader.ReadAll(loaded.Content))
            {
                articles.Add(article);
            }
        }
        catch (ArticleFormatException e)
        {
            fault = e;
        }
        var slugs = new ItemSlugs();
        return new Feed(input, [.. articles.Select(a => (slugs.Next(a), a))], fault);
    }

    /// <summary>An input that holds many articles: each with its name (<see cref="ItemSlugs"/>), and the fault that ended reading, if one did.</summary>
    private sealed record Feed(string Input, IReadOnlyList<(string Slug, Article Article)> Articles, ArticleFormatException? Fault)
    {
        /// <summary>The fault, with how many articles came before it.</summary>
        public ArticleFormatException? Reported => Fault is null || Articles.Count == 0 ? Fault
            : new ArticleFormatException(Fault.SourcePath, Fault.Problem,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Fault.Detail}; {Articles.Count} articles before it were written"));
    }

    /// <summary>One feed: a file per article into the folder -o names; to a file or standard output only when it holds one.</summary>
    private static int WriteFeed(CliHost host, IArticleWriter writer, Feed feed, ConvertRequest request, bool verbose)
    {
        if (!request.ToFolder)
        {
            if (feed.Articles.Count > 1)
            {
                throw new UsageException($"{feed.Input} holds {feed.Articles.Count} articles: give -o DIR/");
            }
            if (feed.Articles.Count == 1)
            {
                WriteOne(host, writer, feed.Articles[0].Article, request.ToStandardOutput ? null : request.Output);
            }
        }
        else
        {
            foreach (var (slug, article) in feed.Articles)
            {
                WriteOne(host, writer, article, Path.Combine(request.Output!, slug + writer.Format.Extension));
            }
        }
        if (feed.Reported is { } fault)
        {
            return ErrorReporter.Report(fault, verbose, feed.Input);
        }
        return feed.Articles.Count == 0 ? ErrorReporter.Report(new InputException($"{feed.Input}: holds no articles"), verbose, feed.Input) : ExitCodes.Success;
    }

    /// <summary>Reads one input: a file, or standard input for <c>-</c>.</summary>
    private static Article Read(Converter converter, string input, string? name, string? from)
    {
        if (input == StandardInput.Name)
        {
            return StandardInput.Read(converter, name, from);
        }
        var (content, reader) = Load(converter, input, from);
        return reader.Read(content);
    }

    /// <summary>The output's name without extension: the file's name, or for standard input the last part of the article's id.</summary>
    private static string Stem(string input, Article? article) =>
        input == StandardInput.Name && article is not null
            ? article.Metadata.Id[(article.Metadata.Id.LastIndexOf('/') + 1)..]
            : Path.GetFileNameWithoutExtension(input);

    private static void WriteOne(CliHost host, IArticleWriter writer, Article article, string? outputPath)
    {
        if (outputPath is null)
        {
            if (writer.Format.Name != "md")
            {
                RefuseBinaryOnTerminal(writer.Format.Name);
            }
            WriteToStandardOutput(host, stream => writer.Write(article, stream));
            return;
        }
        OutputFile.Write(outputPath, stream => writer.Write(article, stream));
    }

    private static void RefuseBinaryOnTerminal(string format)
    {
        if (!Console.IsOutputRedirected)
        {
            throw new UsageException($"{format} is binary: name an output file with -o, or redirect standard output");
        }
    }

    private static void WriteToStandardOutput(CliHost host, Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        using var stdout = host.OpenStandardOutput();
        buffer.Position = 0;
        buffer.CopyTo(stdout);
    }

    private static int WriteMany(CliHost host, Converter converter, IArticleWriter writer, ConvertRequest request, bool verbose, CancellationToken cancellationToken)
    {
        var folder = request.Output!;
        if (File.Exists(folder))
        {
            throw new UsageException($"-o {folder}: with several inputs the output must be a folder, and a file has that name");
        }
        var exit = ExitCodes.Success;
        // Standard input is read first: its name comes from the article, and the clashes are known before anything is written.
        Article? standardInput = null;
        if (request.Inputs.Contains(StandardInput.Name))
        {
            Warnings.CurrentInput = StandardInput.Name;
            try
            {
                standardInput = StandardInput.Read(converter, request.Name, request.From);
            }
            catch (Exception e) when (e is ArticleFormatException or InputException or IOException)
            {
                exit = ErrorReporter.Report(e, verbose, StandardInput.Name);
            }
        }
        // Feeds are read first too: their articles' names join the check for clashes before anything is written. An input
        // that cannot be read here is read again in its turn, and its error reported there.
        var feeds = new Dictionary<string, Feed>(StringComparer.Ordinal);
        var feedReaders = converter.Registry.Readers.Any(r => r.ReadsMany);
        foreach (var input in request.Inputs.Where(i => feedReaders && i != StandardInput.Name).Distinct(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Warnings.CurrentInput = input;
            try
            {
                if (Load(converter, input, request.From) is { Reader.ReadsMany: true } loaded)
                {
                    feeds[input] = ReadFeed(input, loaded);
                }
            }
            catch (Exception e) when (e is ArticleFormatException or InputException or IOException or UnauthorizedAccessException)
            {
            }
        }
        var clashing = request.Inputs
            .SelectMany(i => feeds.TryGetValue(i, out var feed) ? feed.Articles.Select(a => a.Slug) : [Stem(i, standardInput)])
            .GroupBy(stem => stem, StringComparer.Ordinal)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        void Write(string label, string stem, Article article)
        {
            var name = (clashing.Contains(stem) ? article.Metadata.Site.Code + "-" + stem : stem) + writer.Format.Extension;
            if (!written.TryAdd(name, label))
            {
                throw new InputException($"{label}: would be written as {name}, as {written[name]} is: convert them into separate folders");
            }
            WriteOne(host, writer, article, Path.Combine(folder, name));
            if (clashing.Contains(stem))
            {
                Console.Error.WriteLine($"convertify: note: {label} written as {name}");
            }
        }
        foreach (var input in request.Inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (input == StandardInput.Name && standardInput is null)
            {
                continue;
            }
            Warnings.CurrentInput = input;
            if (feeds.TryGetValue(input, out var feed))
            {
                foreach (var (slug, article) in feed.Articles)
                {
                    try
                    {
                        Write(input + "#" + slug, slug, article);
                    }
                    catch (Exception e) when (e is InputException or IOException or UnauthorizedAccessException)
                    {
                        exit = ErrorReporter.Report(e, verbose, input);
                    }
                }
                if (feed.Reported is { } fault)
                {
                    exit = ErrorReporter.Report(fault, verbose, input);
                }
                else if (feed.Articles.Count == 0)
                {
                    exit = ErrorReporter.Report(new InputException($"{input}: holds no articles"), verbose, input);
                }
                continue;
            }
            try
            {
                var article = input == StandardInput.Name ? standardInput! : Read(converter, input, null, request.From);
                Write(input, Stem(input, article), article);
            }
            catch (Exception e) when (e is ArticleFormatException or InputException or IOException or UnauthorizedAccessException)
            {
                exit = ErrorReporter.Report(e, verbose, input);
            }
        }
        return exit;
    }

    private static int WriteCatalog(CliHost host, Converter converter, ICatalogWriter catalog, ConvertRequest request, bool verbose, CancellationToken cancellationToken)
    {
        if (request.ToStandardOutput)
        {
            RefuseBinaryOnTerminal(catalog.Format.Name);
        }
        var articles = new List<(string Path, Article? Article, string? Error)>();
        var exit = ExitCodes.Success;
        foreach (var input in request.Inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (input == StandardInput.Name)
                {
                    articles.Add((input, StandardInput.Read(converter, request.Name, request.From), null));
                    continue;
                }
                var loaded = Load(converter, input, request.From);
                if (loaded.Reader.ReadsMany)
                {
                    var feed = ReadFeed(input, loaded);
                    // A row per article; a fault half way keeps the rows before it and adds one for the rest.
                    articles.AddRange(feed.Articles.Select(a => (input, (Article?)a.Article, (string?)null)));
                    if (feed.Reported is { } fault)
                    {
                        exit = ErrorReporter.Report(fault, verbose, input);
                        articles.Add((input, null, fault.Detail));
                    }
                    continue;
                }
                articles.Add((input, loaded.Reader.Read(loaded.Content), null));
            }
            catch (ArticleFormatException e)
            {
                exit = ErrorReporter.Report(e, verbose, input);
                articles.Add((input, null, e.Detail));
            }
            catch (InputException e)
            {
                exit = ErrorReporter.Report(e, verbose, input);
                articles.Add((input, null, e.Message));
            }
        }
        void Write(Stream stream)
        {
            using var sink = catalog.Open(stream);
            foreach (var (path, article, error) in articles)
            {
                if (article is not null) sink.Add(article);
                else sink.AddFailure(path, error!);
            }
            sink.Complete();
        }
        if (request.ToStandardOutput)
        {
            WriteToStandardOutput(host, Write);
        }
        else
        {
            OutputFile.Write(request.ToFolder ? Path.Combine(request.Output!, "catalog" + catalog.Format.Extension) : request.Output!, Write);
        }
        return exit;
    }
}
