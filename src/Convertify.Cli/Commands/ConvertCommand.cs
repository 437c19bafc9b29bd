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
            Description = "Article file(s) to convert (several only for a catalogue, or with -o naming a folder).",
            Arity = ArgumentArity.OneOrMore,
        };
        var to = new Option<string>("--to", "-t")
        {
            Description = "Output format: md, docx or xlsx (see 'convertify formats').",
            Required = true,
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Output file ('-' or absent: standard output). With several inputs to md/docx: a folder.",
        };
        var images = new ImageOptions("With --fetch-images: a folder keeping downloaded pictures by content, so later runs (and batches) " +
                                      "reuse them instead of downloading again (default: none, downloads are not kept)");
        var command = new Command("convert", "Convert article files to Markdown, Word or an Excel catalogue.")
        {
            inputs, to, output,
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
                    images.WordOptions(parse, defaultCache: null));
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

    private sealed record ConvertRequest(string[] Inputs, string Format, string? Output, WordWriterOptions Word)
    {
        public bool ToStandardOutput => Output is null or "-";
    }

    private static int Run(ConvertRequest request, bool verbose, CancellationToken cancellationToken)
    {
        var converter = FormatRegistration.CreateConverter(new CliFormatOptions(request.Word with { Warn = Warnings.Print }));
        var catalog = converter.Registry.FindCatalogWriter(request.Format);
        if (catalog is not null)
        {
            return WriteCatalog(converter, catalog, request, verbose, cancellationToken);
        }
        var writer = converter.Registry.GetWriter(request.Format);
        if (request.Inputs.Length == 1)
        {
            Warnings.CurrentInput = request.Inputs[0];
            var article = converter.ReadFile(request.Inputs[0]);
            WriteOne(writer, article, request.ToStandardOutput ? null : request.Output);
            return ExitCodes.Success;
        }
        if (request.ToStandardOutput)
        {
            throw new UsageException($"{request.Inputs.Length} inputs to {writer.Format.Name}: name an output folder with -o");
        }
        return WriteMany(converter, writer, request, verbose, cancellationToken);
    }

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
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in request.Inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Warnings.CurrentInput = input;
            try
            {
                var article = converter.ReadFile(input);
                var name = Path.GetFileNameWithoutExtension(input) + writer.Format.Extension;
                if (!used.Add(name))
                {
                    name = article.Metadata.Site.Code + "-" + name;
                }
                WriteOne(writer, article, Path.Combine(folder, name));
            }
            catch (Exception e) when (e is ArticleFormatException or IOException or UnauthorizedAccessException)
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
                articles.Add((input, converter.ReadFile(input), null));
            }
            catch (ArticleFormatException e)
            {
                exit = ErrorReporter.Report(e, verbose, input);
                articles.Add((input, null, e.Detail));
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
            AtomicFile.Write(request.Output!, Write);
        }
        return exit;
    }
}
