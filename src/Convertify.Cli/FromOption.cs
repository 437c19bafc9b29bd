using System.CommandLine;
using Convertify.Conversion;
using Convertify.Formats;
using Convertify.Model;

namespace Convertify.Cli;

/// <summary><c>--from READER</c>: the reader that reads every input; absent, each input's format is sniffed from its content.</summary>
internal static class FromOption
{
    /// <summary>The option; completion offers the names of the readers <paramref name="converterFactory"/> registers (made only when asked).</summary>
    public static Option<string?> Create(Func<CliFormatOptions, Converter> converterFactory)
    {
        var option = new Option<string?>("--from")
        {
            Description = "Input format, a reader's name (see 'convertify formats'); default: sniffed from each input's content.",
            HelpName = "READER",
        };
        option.CompletionSources.Add(_ => converterFactory(CliFormatOptions.Default).Registry.Readers
            .Select(r => new System.CommandLine.Completions.CompletionItem(r.Format.Name)));
        return option;
    }

    /// <summary>Refuses a name no reader has, before any input is read.</summary>
    /// <exception cref="UsageException">No reader has that name.</exception>
    public static void Check(FormatRegistry registry, string? name)
    {
        if (name is not null && !registry.Readers.Any(r => string.Equals(r.Format.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new UsageException($"--from '{name}': unknown reader; known: {string.Join(", ", registry.Readers.Select(r => r.Format.Name))}");
        }
    }

    /// <summary>The extensions of input files (every registered reader's), for listing a folder's inputs.</summary>
    public static IEnumerable<string> InputExtensions(FormatRegistry registry) => registry.Readers.SelectMany(r => r.Format.Extensions);

    /// <summary>Reads <paramref name="input"/> with the reader named <paramref name="name"/>, or the one that sniffs it when null.</summary>
    public static Article Read(Converter converter, ArticleInput input, string? name) =>
        converter.Registry.ChooseReader(name, input.Content.Span).Read(input);

    /// <summary>Every article <paramref name="input"/> holds (a feed holds many), read as <see cref="Read"/> reads one.</summary>
    public static IEnumerable<Article> ReadAll(Converter converter, ArticleInput input, string? name) =>
        converter.Registry.ChooseReader(name, input.Content.Span).ReadAll(input);
}
