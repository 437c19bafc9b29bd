using System.CommandLine;

namespace Convertify.Cli.Commands;

/// <summary><c>convertify formats</c>: lists the registered readers and writers.</summary>
internal static class FormatsCommand
{
    public static Command Create()
    {
        var command = new Command("formats", "List the readers and writers this build knows.");
        command.SetAction(_ =>
        {
            var registry = FormatRegistration.CreateConverter(CliFormatOptions.Default).Registry;
            var output = Console.Out;
            output.WriteLine("Readers:");
            foreach (var reader in registry.Readers)
            {
                output.WriteLine($"  {reader.Format.Name,-10} {reader.Format.Extension,-7} {reader.Format.Description}");
                output.WriteLine($"  {"",-10} {"",-7} sniffs: {(reader.SniffDescription.Length > 0 ? reader.SniffDescription : "nothing")}");
            }
            output.WriteLine("Writers (one article):");
            foreach (var writer in registry.Writers)
            {
                output.WriteLine($"  {writer.Format.Name,-10} {writer.Format.Extension,-7} {writer.Format.Description}");
            }
            output.WriteLine("Writers (catalogue of many articles):");
            foreach (var writer in registry.CatalogWriters)
            {
                output.WriteLine($"  {writer.Format.Name,-10} {writer.Format.Extension,-7} {writer.Format.Description}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
