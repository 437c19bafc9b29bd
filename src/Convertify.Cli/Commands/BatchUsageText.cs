namespace Convertify.Cli.Commands;

/// <summary>
/// Says a <see cref="Batch.BatchUsageException"/> in the command line's terms: the library names the
/// <see cref="Batch.BatchOptions"/> property to change, the tool's users know its flags.
/// </summary>
internal static class BatchUsageText
{
    // Longest first: a phrase is translated before the property name it contains.
    private static readonly (string Library, string CommandLine)[] Terms =
    [
        ("set BatchOptions.Formats to writer names (md, docx, xlsx)", "use --to md,docx,xlsx"),
        ("set BatchOptions.OutputDirectory", "use -o/--output <dir>"),
        ("BatchOptions.OutputDirectory", "-o/--output"),
        ("BatchOptions.Since", "--since"),
        ("BatchOptions.Until", "--until"),
    ];

    public static string ForCommandLine(string message)
    {
        foreach (var (library, commandLine) in Terms)
        {
            message = message.Replace(library, commandLine, StringComparison.Ordinal);
        }
        return message;
    }
}
