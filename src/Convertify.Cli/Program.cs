using System.CommandLine;
using Convertify.Cli;
using Convertify.Cli.Commands;

// TEMPORARY (batch branch): routes 'batch' and 'catalog' to their commands until CliApplication registers them:
//   root.Subcommands.Add(BatchCommand.Create(() => FormatRegistration.CreateConverter(CliFormatOptions.Default)));
//   root.Subcommands.Add(CatalogCommand.Create());
// Once it does, this file goes back to the single line below.
if (args.Length > 0 && args[0] is "batch" or "catalog")
{
    var root = new RootCommand("convertify");
    root.Subcommands.Add(BatchCommand.Create(() => FormatRegistration.CreateConverter(CliFormatOptions.Default)));
    root.Subcommands.Add(CatalogCommand.Create());
    var parse = root.Parse(args);
    if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
    {
        foreach (var error in parse.Errors)
        {
            await Console.Error.WriteLineAsync("convertify: " + error.Message).ConfigureAwait(false);
        }
        return BatchCommand.UsageError;
    }
    return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) }).ConfigureAwait(false);
}

return await CliApplication.RunAsync(args).ConfigureAwait(false);
