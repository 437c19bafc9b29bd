using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Convertify.Errors;
using Convertify.Formats;
using Convertify.Json;

namespace Convertify.Cli.Commands;

/// <summary>
/// <c>convertify inspect &lt;file&gt;</c>: prints the canonical model as JSON; an input of a format that holds many
/// articles (a feed) prints an array of them.
/// </summary>
internal static class InspectCommand
{
    private static readonly JsonWriterOptions ArrayOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliHost host)
    {
        var input = new Argument<string>("file") { Description = "Article file to read; a feed prints an array of its articles." };
        var from = FromOption.Create(host.CreateConverter);
        var command = new Command("inspect", "Print an article's canonical model (metadata, blocks, warnings) as JSON.") { input, from };
        command.SetAction(parse =>
        {
            var verbose = parse.GetValue(CommonOptions.Verbose);
            try
            {
                var converter = host.CreateConverter(CliFormatOptions.Default);
                FromOption.Check(converter.Registry, parse.GetValue(from));
                var content = ArticleInput.FromFile(parse.GetValue(input)!);
                var reader = converter.Registry.ChooseReader(parse.GetValue(from), content.Content.Span);
                using var buffer = new MemoryStream();
                ArticleFormatException? fault = null;
                if (reader.ReadsMany)
                {
                    fault = WriteArray(reader, content, buffer);
                }
                else
                {
                    ArticleJsonWriter.Write(reader.Read(content), buffer);
                }
                buffer.WriteByte((byte)'\n');
                using (var stdout = host.OpenStandardOutput())
                {
                    buffer.Position = 0;
                    buffer.CopyTo(stdout);
                }
                return fault is null ? ExitCodes.Success : ErrorReporter.Report(fault, verbose);
            }
            catch (Exception e)
            {
                return ErrorReporter.Report(e, verbose);
            }
        });
        return command;
    }

    /// <summary>
    /// The articles as a JSON array; a fault half way ends the array after the articles before it and is returned. A
    /// fault before the first article is thrown: nothing is printed, as for an article that cannot be read.
    /// </summary>
    private static ArticleFormatException? WriteArray(IArticleReader reader, ArticleInput content, Stream output)
    {
        using var json = new Utf8JsonWriter(output, ArrayOptions);
        json.WriteStartArray();
        ArticleFormatException? fault = null;
        var count = 0;
        try
        {
            foreach (var article in reader.ReadAll(content))
            {
                ArticleJsonWriter.Write(article, json);
                count++;
            }
        }
        catch (ArticleFormatException e) when (count > 0)
        {
            fault = e;
        }
        json.WriteEndArray();
        json.Flush();
        return fault;
    }
}
