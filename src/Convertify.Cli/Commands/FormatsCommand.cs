using System.CommandLine;
using Convertify.Conversion;
using Convertify.Formats;

namespace Convertify.Cli.Commands;

/// <summary><c>convertify formats</c>: lists the registered readers and writers, in 80 columns.</summary>
internal static class FormatsCommand
{
    private const int Width = 80;
    private const int NameWidth = 10;
    private const int ExtensionWidth = 7;
    private static readonly string Indent = new(' ', 2 + NameWidth + 1 + ExtensionWidth + 1);

    public static Command Create(Func<CliFormatOptions, Converter> converterFactory)
    {
        var command = new Command("formats", "List the readers and writers this build knows.");
        command.SetAction(_ =>
        {
            var registry = converterFactory(CliFormatOptions.Default).Registry;
            var output = Console.Out;
            output.WriteLine("Readers (--from NAME; by default each input's content says which):");
            foreach (var reader in registry.Readers)
            {
                Entry(output, reader.Format);
                Wrapped(output, "sniffs: " + (reader.SniffDescription.Length > 0 ? reader.SniffDescription : "nothing"));
                if (reader.Format.Extensions.Count > 1)
                {
                    Wrapped(output, "files (batch lists these): " + string.Join(" ", reader.Format.Extensions));
                }
            }
            output.WriteLine("Writers of one article (convert, batch --to):");
            foreach (var writer in registry.Writers)
            {
                Entry(output, writer.Format);
            }
            output.WriteLine("Writers of a catalogue of many articles (convert, batch --to):");
            foreach (var writer in registry.CatalogWriters)
            {
                Entry(output, writer.Format);
            }
            output.WriteLine("Writers of a dossier (dossier -o FILE, by its extension):");
            foreach (var writer in registry.DossierWriters)
            {
                Entry(output, writer.Format);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Entry(TextWriter output, FormatInfo format)
    {
        output.Write($"  {format.Name,-NameWidth} {format.Extension,-ExtensionWidth} ");
        Wrapped(output, format.Description, firstLineIndented: true);
    }

    /// <summary>Writes <paramref name="text"/> from the description column, broken at spaces so no line passes 80 columns.</summary>
    private static void Wrapped(TextWriter output, string text, bool firstLineIndented = false)
    {
        var room = Width - Indent.Length;
        var line = new System.Text.StringBuilder();
        var first = true;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > room)
            {
                output.WriteLine((first && firstLineIndented ? "" : Indent) + line);
                first = false;
                line.Clear();
            }
            line.Append(line.Length > 0 ? " " : "").Append(word);
        }
        output.WriteLine((first && firstLineIndented ? "" : Indent) + line);
    }
}
