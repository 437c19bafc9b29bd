using System.CommandLine;
using System.Globalization;
using Convertify.Batch;
using Convertify.Conversion;
using Convertify.Errors;
using Convertify.Excel;
using Convertify.Word;
using Spectre.Console;

namespace Convertify.Cli.Commands;

/// <summary><c>convertify batch &lt;input&gt; --to md,docx,xlsx -o &lt;dir&gt;</c>: converts a whole archive in one run.</summary>
internal static class BatchCommand
{
    /// <summary>Exit code for usage errors.</summary>
    public const int UsageError = 2;

    /// <summary>Creates the command; <paramref name="converterFactory"/> supplies the registered reader and writers, with the writer options asked for.</summary>
    public static Command Create(Func<CliFormatOptions, Converter> converterFactory)
    {
        ArgumentNullException.ThrowIfNull(converterFactory);
        var input = new Argument<string>("input")
        {
            Description = "Archive folder (articles/<site>/<id>.md, lists/*.md), a sub-folder, a quoted glob, or a .zip, .tar, .tar.gz/.tgz of it",
        };
        var to = new Option<string>("--to", "-t")
        {
            Description = "Output formats, comma-separated: md, docx, xlsx (xlsx = one catalogue of every article)",
            HelpName = "FORMATS",
            Required = true,
        };
        var output = new Option<string>("--output", "-o", "--out")
        {
            Description = "Output folder; outputs mirror the input's relative paths, plus catalog.xlsx and convertify-report.json",
            HelpName = "DIR",
            Required = true,
        };
        // No default value: help would print this machine's count after the description's "processor count".
        var jobs = new Option<int?>("--jobs", "-j")
        {
            Description = "Articles converted in parallel (default: processor count)",
            HelpName = "N",
        };
        var site = new Option<string?>("--site") { Description = "Only these sites, comma-separated (voa,dw)" };
        var lang = new Option<string?>("--lang") { Description = "Only these languages, comma-separated (zh-Hans,en)" };
        var since = new Option<string?>("--since") { Description = "Only articles published on or after this day (yyyy-MM-dd)" };
        var until = new Option<string?>("--until") { Description = "Only articles published on or before this day (yyyy-MM-dd)" };
        var select = new Option<string?>("--select")
        {
            Description = "Only the articles marked (select column) in this catalogue .xlsx",
            HelpName = "CATALOG",
        };
        var shard = new Option<string?>("--shard") { Description = "Convert only slice K of N (1-based, e.g. 2/8), by a stable hash of the path" };
        var force = new Option<bool>("--force") { Description = "Reconvert everything, even inputs unchanged since the last run" };
        var failFast = new Option<bool>("--fail-fast") { Description = "Stop at the first failed input" };
        var failOnEmpty = new Option<bool>("--fail-on-empty") { Description = "Exit 1 when no article was converted or unchanged" };
        var from = FromOption.Create(converterFactory);
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress and no summary" };
        var images = new ImageOptions("With --fetch-images: the folder keeping downloaded pictures by content, each URL fetched once; " +
                                      "name one to share it between runs and output folders (default: <out>/.convertify/images)");

        var command = new Command("batch", "Convert a whole archive (folder, glob, .zip, .tar.gz) to Markdown, Word and an Excel catalogue");
        command.Arguments.Add(input);
        foreach (var option in new Option[] { to, from, output, jobs, site, lang, since, until, select, shard, force, failFast, failOnEmpty, quiet }.Concat(images.All))
        {
            command.Options.Add(option);
        }
        command.SetAction(async (ParseResult result, CancellationToken cancellationToken) =>
        {
            BatchOptions options;
            WordWriterOptions word;
            try
            {
                var outputDirectory = result.GetValue(output)!;
                word = images.WordOptions(result, string.IsNullOrWhiteSpace(outputDirectory) ? null : Path.Combine(Path.GetFullPath(outputDirectory), ".convertify", "images"));
                options = new BatchOptions
                {
                    Formats = SplitList(result.GetValue(to)),
                    OutputDirectory = result.GetValue(output)!,
                    Reader = result.GetValue(from),
                    Jobs = result.GetValue(jobs) ?? Environment.ProcessorCount,
                    Sites = SplitList(result.GetValue(site)),
                    Languages = SplitList(result.GetValue(lang)),
                    Since = ParseDay(result.GetValue(since), "--since"),
                    Until = ParseDay(result.GetValue(until), "--until"),
                    Shard = result.GetValue(shard) is { } text ? ShardSpec.Parse(text) : null,
                    Force = result.GetValue(force),
                    FailFast = result.GetValue(failFast),
                    FailOnEmpty = result.GetValue(failOnEmpty),
                    WriterSettings = ImageOptions.Settings(word),
                };
                if (options.Jobs < 1)
                {
                    throw new FormatException("--jobs must be at least 1");
                }
            }
            catch (Exception e) when (e is FormatException or UsageException)
            {
                await Console.Error.WriteLineAsync("convertify batch: " + e.Message).ConfigureAwait(false);
                return UsageError;
            }
            if (result.GetValue(select) is { } catalogue)
            {
                // Read before the run: a catalogue that selects nothing leaves the output folder untouched.
                try
                {
                    options = options with { Selection = new ArticleSelection(catalogue, CatalogSelection.ReadFile(catalogue)) };
                }
                catch (ConvertifyException e)
                {
                    // Exit 1 and the line convertify gives an input it cannot read.
                    await Console.Error.WriteLineAsync("convertify: " + e.Message.ReplaceLineEndings(" ")).ConfigureAwait(false);
                    return 1;
                }
            }
            return await RunAsync(converterFactory(new CliFormatOptions(word)), result.GetValue(input)!, options, result.GetValue(quiet),
                result.GetValue(CommonOptions.Verbose), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(Converter converter, string input, BatchOptions options, bool quiet, bool verbose, CancellationToken cancellationToken)
    {
        var runner = new BatchRunner(converter);
        BatchReport report;
        try
        {
            if (quiet)
            {
                report = await runner.RunAsync(input, options, null, cancellationToken).ConfigureAwait(false);
            }
            else if (!Console.IsErrorRedirected && !Console.IsOutputRedirected)
            {
                report = await BatchProgressDisplay.RunWithBarAsync(runner, input, options, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                report = await BatchProgressDisplay.RunWithLinesAsync(runner, input, options, Console.Error, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (BatchUsageException e)
        {
            await Console.Error.WriteLineAsync("convertify batch: " + BatchUsageText.ForCommandLine(e.Message)).ConfigureAwait(false);
            return UsageError;
        }
        catch (Convertify.Errors.ArticleFormatException e)
        {
            // A missing input cannot be converted: exit 1, said as convert says it.
            return ErrorReporter.Report(e, verbose: false);
        }
        catch (BatchBusyException e)
        {
            await Console.Error.WriteLineAsync("convertify batch: " + e.Message).ConfigureAwait(false);
            return 1;
        }
        catch (BatchStorageException e)
        {
            // One line; a second only when not even the report could be written, accounting for every input.
            await Console.Error.WriteLineAsync("convertify batch: " + e.Message).ConfigureAwait(false);
            if (e.Accounting is { } accounting)
            {
                await Console.Error.WriteLineAsync("convertify batch: " + accounting).ConfigureAwait(false);
            }
            if (verbose)
            {
                await Console.Error.WriteLineAsync(e.ToString()).ConfigureAwait(false);
            }
            return 1;
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // Anything else is a bug, but still one line (the stack trace with --verbose).
            return ErrorReporter.Report(e, verbose);
        }
        if (!quiet)
        {
            await Console.Out.WriteAsync(report.Summary()).ConfigureAwait(false);
        }
        return report.Cancelled && StopSignals.Terminated ? ExitCodes.Terminated : report.ExitCode;
    }

    internal static string[] SplitList(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static DateOnly? ParseDay(string? text, string option)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new FormatException($"{option} '{text}' is not a day: use yyyy-MM-dd");
    }
}
