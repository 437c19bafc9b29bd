using System.CommandLine;
using Convertify.Json;

namespace Convertify.Cli.Commands;

/// <summary><c>convertify inspect &lt;file&gt;</c>: prints the canonical model as JSON.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("file") { Description = "Article file to read." };
        var command = new Command("inspect", "Print an article's canonical model (metadata, blocks, warnings) as JSON.") { input };
        command.SetAction(parse =>
        {
            var verbose = parse.GetValue(CommonOptions.Verbose);
            try
            {
                var converter = FormatRegistration.CreateConverter(CliFormatOptions.Default);
                var article = converter.ReadFile(parse.GetValue(input)!);
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
