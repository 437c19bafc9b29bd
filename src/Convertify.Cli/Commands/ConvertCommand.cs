using System.CommandLine;
using Convertify.Conversion;
using Convertify.Errors;
using Convertify.Formats;
using Convertify.Model;
using Convertify.Word;

namespace Convertify.Cli.Commands;

/// <summary><c>convertify convert &lt;file&gt;… --to md|docx|xlsx [-o path]</c>.</summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("file")
        {
            Description = "Article file(s) to convert; '-' reads one from standard input.",
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
                          "into; '-' or absent: standard output. Several inputs to md/docx need a folder.",
            HelpName = "PATH",
        };
        var name = new Option<string?>("--name")
        {
            Description = "With '-': the article's site and id (default: the site of its URL and the URL's last part).",
            HelpName = "SITE/ID",
        };
        var from = FromOption.Create();
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
                return Task.FromResult(Run(request, verbose, cancellationToken));
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

    private static int Run(ConvertRequest request, bool verbose, CancellationToken cancellationToken)
    {
        if (request.Inputs.Count(i => i == StandardInput.Name) > 1)
        {
            throw new UsageException("'-' (standard input) can be given only once");
        }
        if (request.Name is not null && !request.Inputs.Contains(StandardInput.Name))
        {
            throw new UsageException("--name only applies to '-' (standard input)");
        }
        var converter = FormatRegistration.CreateConverter(new CliFormatOptions(request.Word with { Warn = Warnings.Print }));
        FromOption.Check(converter.Registry, request.From);
        var catalog = converter.Registry.FindCatalogWriter(request.Format);
        if (catalog is not null)
        {
            return WriteCatalog(converter, catalog, request, verbose, cancellationToken);
        }
        var writer = converter.Registry.GetWriter(request.Format);
        if (request.Inputs.Length == 1)
        {
            var input = request.Inputs[0];
            Warnings.CurrentInput = input;
            var article = Read(converter, input, request.Name, request.From);
            var outputPath = request.ToStandardOutput ? null
                : request.ToFolder ? Path.Combine(request.Output!, Stem(input, article) + writer.Format.Extension)
                : request.Output;
            WriteOne(writer, article, outputPath);
            return ExitCodes.Success;
        }
        if (request.ToStandardOutput)
        {
            throw new UsageException($"{request.Inputs.Length} inputs to {writer.Format.Name}: name an output folder with -o");
        }
        return WriteMany(converter, writer, request, verbose, cancellationToken);
    }

    /// <summary>Reads one input: a file, or standard input for <c>-</c>.</summary>
    private static Article Read(Converter converter, string input, string? name, string? from)
    {
        if (input == StandardInput.Name)
        {
            return StandardInput.Read(converter, name, from);
        }
        if (Directory.Exists(input))
        {
            throw new InputException($"{input} is a folder: use 'convertify batch {input}'");
        }
        return FromOption.Read(converter, ArticleInput.FromFile(input), from);
    }

    /// <summary>The output's name without extension: the file's name, or for standard input the last part of the article's id.</summary>
    private static string Stem(string input, Article? article) =>
        input == StandardInput.Name && article is not null
            ? article.Metadata.Id[(article.Metadata.Id.LastIndexOf('/') + 1)..]
            : Path.GetFileNameWithoutExtension(input);

    private static void WriteOne(IArticleWriter writer, Article article, string? outputPath)
    {
        if (outputPath is null)
        {
            if (writer.Format.Name != "md")
            {
                RefuseBinaryOnTerminal(writer.Format.Name);
            }
            WriteToStandardOutput(stream => writer.Write(article, stream));
            return;
        }
        AtomicFile.Write(outputPath, stream => writer.Write(article, stream));
    }

    private static void RefuseBinaryOnTerminal(string format)
    {
        if (!Console.IsOutputRedirected)
        {
            throw new UsageException($"{format} is binary: name an output file with -o, or redirect standard output");
        }
    }

    private static void WriteToStandardOutput(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        using var stdout = Console.OpenStandardOutput();
        buffer.Position = 0;
        buffer.CopyTo(stdout);
    }

    private static int WriteMany(Converter converter, IArticleWriter writer, ConvertRequest request, bool verbose, CancellationToken cancellationToken)
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
        var clashing = request.Inputs.GroupBy(i => Stem(i, standardInput), StringComparer.Ordinal)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in request.Inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (input == StandardInput.Name && standardInput is null)
            {
                continue;
            }
            Warnings.CurrentInput = input;
            try
            {
                var article = input == StandardInput.Name ? standardInput! : Read(converter, input, null, request.From);
                var stem = Stem(input, article);
                var name = (clashing.Contains(stem) ? article.Metadata.Site.Code + "-" + stem : stem) + writer.Format.Extension;
                if (!written.TryAdd(name, input))
                {
                    throw new InputException($"{input}: would be written as {name}, as {written[name]} is: convert them into separate folders");
                }
                WriteOne(writer, article, Path.Combine(folder, name));
                if (clashing.Contains(stem))
                {
                    Console.Error.WriteLine($"convertify: note: {input} written as {name}");
                }
            }
            catch (Exception e) when (e is ArticleFormatException or InputException or IOException or UnauthorizedAccessException)
            {
                exit = ErrorReporter.Report(e, verbose, input);
            }
        }
        return exit;
    }

    private static int WriteCatalog(Converter converter, ICatalogWriter catalog, ConvertRequest request, bool verbose, CancellationToken cancellationToken)
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
                articles.Add((input, Read(converter, input, request.Name, request.From), null));
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
            WriteToStandardOutput(Write);
        }
        else
        {
            AtomicFile.Write(request.ToFolder ? Path.Combine(request.Output!, "catalog" + catalog.Format.Extension) : request.Output!, Write);
        }
        return exit;
    }
}
