using System.CommandLine;
using Convertify.Cli.Commands;

namespace Convertify.Cli;

/// <summary>The <c>convertify</c> command line: parses arguments, runs one command, maps failures to exit codes.</summary>
internal static class CliApplication
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = CreateRootCommand();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync("convertify: " + error.Message).ConfigureAwait(false);
            }
            await Console.Error.WriteLineAsync("Run 'convertify --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        // The default 2 s after Ctrl+C is too short for a large batch to finish its report.
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) };
        return await parse.InvokeAsync(invocation).ConfigureAwait(false);
    }

    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("Convertify: turns news-archive articles into Markdown, Word and Excel documents.");
        root.Options.Add(CommonOptions.Verbose);
        root.Subcommands.Add(ConvertCommand.Create());
        root.Subcommands.Add(InspectCommand.Create());
        root.Subcommands.Add(FormatsCommand.Create());
        root.Subcommands.Add(BatchCommand.Create(FormatRegistration.CreateConverter));
        root.Subcommands.Add(CatalogCommand.Create());
        return root;
    }
}
