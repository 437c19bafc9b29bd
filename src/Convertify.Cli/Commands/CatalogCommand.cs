using System.CommandLine;
using Convertify.Errors;
using Convertify.Excel;

namespace Convertify.Cli.Commands;

/// <summary><c>convertify catalog merge &lt;a.xlsx&gt; &lt;b.xlsx&gt;… -o &lt;all.xlsx&gt;</c>: joins the catalogues of sharded runs.</summary>
internal static class CatalogCommand
{
    /// <summary>Creates the <c>catalog</c> command with its <c>merge</c> sub-command.</summary>
    public static Command Create()
    {
        var inputs = new Argument<string[]>("catalogs")
        {
            Description = "Catalogues to join (catalog.xlsx of each shard), in order",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--output", "-o") { Description = "The merged catalogue to write", Required = true };
        var merge = new Command("merge", "Join catalogues written by sharded batch runs into one workbook");
        merge.Arguments.Add(inputs);
        merge.Options.Add(output);
        merge.SetAction(async (ParseResult result, CancellationToken cancellationToken) =>
        {
            var files = result.GetValue(inputs) ?? [];
            foreach (var file in files)
            {
                if (!File.Exists(file))
                {
                    await Console.Error.WriteLineAsync($"convertify catalog merge: {file}: no such file").ConfigureAwait(false);
                    return BatchCommand.UsageError;
                }
            }
            var target = result.GetValue(output)!;
            if (files.Any(f => Path.GetFullPath(f) == Path.GetFullPath(target)))
            {
                await Console.Error.WriteLineAsync($"convertify catalog merge: the output {target} is also an input").ConfigureAwait(false);
                return BatchCommand.UsageError;
            }
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                new CatalogMerger().MergeFiles(files, target);
            }
            catch (ConvertifyException e)
            {
                await Console.Error.WriteLineAsync("convertify catalog merge: " + e.Message).ConfigureAwait(false);
                return 1;
            }
            await Console.Out.WriteLineAsync($"merged {files.Length} catalogue(s) into {target}").ConfigureAwait(false);
            return 0;
        });
        var catalog = new Command("catalog", "Work with Excel catalogues");
        catalog.Subcommands.Add(merge);
        return catalog;
    }
}
