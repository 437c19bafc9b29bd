using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Convertify.Cli.Commands;

namespace Convertify.Cli;

/// <summary>The <c>convertify</c> command line: parses arguments, runs one command, maps failures to exit codes.</summary>
internal static class CliApplication
{
    public static Task<int> RunAsync(string[] args) => RunAsync(args, CliHost.Default);

    /// <summary>Runs one command line with the converter and standard output of <paramref name="host"/>.</summary>
    public static async Task<int> RunAsync(string[] args, CliHost host)
    {
        var root = CreateRootCommand(host);
        var parse = root.Parse(args);
        var command = parse.CommandResult.Command;
        var name = CommandPath(parse.CommandResult);
        // Help, --version and [suggest] run whatever else the line holds; a command's own action does not.
        if (parse.Action is ParseErrorAction || parse.Action == command.Action)
        {
            var unknown = UnknownOptions.Find(parse);
            if (unknown.Count > 0)
            {
                foreach (var word in unknown)
                {
                    var suggestion = UnknownOptions.Suggest(command, word);
                    await Console.Error.WriteLineAsync($"{name}: unknown option {word}" + (suggestion is null ? "" : $" (did you mean {suggestion}?)"))
                        .ConfigureAwait(false);
                }
                await Console.Error.WriteLineAsync($"Run '{name} --help' for usage; '--' ends the options.").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
        }
        if (parse.Action is ParseErrorAction)
        {
            var nothingButCommands = parse.Tokens.All(t => t.Type == System.CommandLine.Parsing.TokenType.Command);
            if (nothingButCommands && command.Action is null)
            {
                // `convertify`, `convertify catalog`: a command that only groups others shows what it holds.
                return ShowHelp(root, parse, Console.Out);
            }
            if (nothingButCommands)
            {
                ShowHelp(root, parse, Console.Error);
            }
            // An unknown word also makes "Required command was not provided": the word is the one error worth a line.
            var unmatched = parse.UnmatchedTokens;
            foreach (var error in parse.Errors.Where(e => unmatched.Count == 0 || unmatched.Any(u => e.Message.Contains($"'{u}'", StringComparison.Ordinal))))
            {
                var word = unmatched.FirstOrDefault(u => error.Message.Contains($"'{u}'", StringComparison.Ordinal));
                var suggestion = word is null ? null : UnknownOptions.SuggestCommand(command, word);
                var message = OneLine(error.Message);
                await Console.Error.WriteLineAsync(suggestion is null
                    ? $"{name}: {message}"
                    : $"{name}: {message.TrimEnd('.')} (did you mean {suggestion}?)").ConfigureAwait(false);
            }
            await Console.Error.WriteLineAsync($"Run '{name} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        if (StopSignals.Supported)
        {
            using var stop = new CancellationTokenSource();
            using var signals = StopSignals.Listen(stop);
            return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, stop.Token).ConfigureAwait(false);
        }
        // The default 2 s after Ctrl+C is too short for a large batch to finish its report.
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) };
        return await parse.InvokeAsync(invocation).ConfigureAwait(false);
    }

    public static RootCommand CreateRootCommand(CliHost host)
    {
        var root = new RootCommand("Convertify: turns news-archive articles into Markdown, Word and Excel documents.");
        root.Options.Add(CommonOptions.Verbose);
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            help.Action = new HelpAction { MaxWidth = HelpWidth() };
        }
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Description = "Show the version and the commit it was built from.";
            version.Action = new VersionAction();
        }
        root.Subcommands.Add(ConvertCommand.Create(host));
        root.Subcommands.Add(InspectCommand.Create(host));
        root.Subcommands.Add(FormatsCommand.Create(host.CreateConverter));
        root.Subcommands.Add(BatchCommand.Create(host.CreateConverter));
        root.Subcommands.Add(CatalogCommand.Create());
        root.Subcommands.Add(DossierCommand.Create(host.CreateConverter));
        root.Subcommands.Add(CompletionCommand.Create());
        return root;
    }

    /// <summary>The terminal's width; 80 columns (or $COLUMNS) when the output is not a terminal.</summary>
    private static int HelpWidth()
    {
        if (!Console.IsOutputRedirected)
        {
            try
            {
                if (Console.WindowWidth > 0)
                {
                    return Console.WindowWidth;
                }
            }
            catch (IOException)
            {
            }
        }
        return int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0 ? columns : 80;
    }

    /// <summary>System.CommandLine lists allowed values on lines of their own: one line per error here.</summary>
    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new List<string>();
        for (var current = result; current is not null; current = current.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, current.Parent is null ? "convertify" : current.Command.Name);
        }
        return string.Join(' ', names);
    }

    private static int ShowHelp(RootCommand root, ParseResult parse, TextWriter output)
    {
        var words = CommandPath(parse.CommandResult).Split(' ').Skip(1);
        return root.Parse([.. words, "--help"]).Invoke(new InvocationConfiguration { Output = output });
    }
}
