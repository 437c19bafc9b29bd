using System.CommandLine;
using Convertify.Formats;
using Convertify.Json;

namespace Convertify.Cli.Commands;

/// <summary><c>convertify inspect &lt;file&gt;</c>: prints the canonical model as JSON.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("file") { Description = "Article file to read." };
        var from = FromOption.Create();
        var command = new Command("inspect", "Print an article's canonical model (metadata, blocks, warnings) as JSON.") { input, from };
        command.SetAction(parse =>
        {
            var verbose = parse.GetValue(CommonOptions.Verbose);
            try
            {
                var converter = FormatRegistration.CreateConverter(CliFormatOptions.Default);
                FromOption.Check(converter.Registry, parse.GetValue(from));
                var article = FromOption.Read(converter, ArticleInput.FromFile(parse.GetValue(input)!), parse.GetValue(from));
                using var buffer = new MemoryStream();
                ArticleJsonWriter.Write(article, buffer);
                buffer.WriteByte((byte)'\n');
                using var stdout = Console.OpenStandardOutput();
                buffer.Position = 0;
                buffer.CopyTo(stdout);
                return ExitCodes.Success;
            }
            catch (Exception e)
            {
                return ErrorReporter.Report(e, verbose);
            }
        });
        return command;
    }
}
