using Convertify.Conversion;

namespace Convertify.Cli;

/// <summary>
/// The one place where the command line registers its readers and writers. A build of the CLI with an extra
/// format adds one line here; <c>convertify formats</c> then lists it.
/// </summary>
internal static class FormatRegistration
{
    public static Converter CreateConverter(CliFormatOptions options) =>
        new ConverterBuilder()
            .AddArchiveReader()
            .AddFeedReader()
            .AddMarkdownReader()
            .AddMarkdown()
            .AddWord(options.Word)
            .AddExcel()
            .AddWordDossier(options.Word)
            .AddMarkdownDossier()
            .Build();
}
