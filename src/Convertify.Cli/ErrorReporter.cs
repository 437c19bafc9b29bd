using Convertify.Errors;

namespace Convertify.Cli;

/// <summary>Turns exceptions into one line on stderr (a stack trace only with --verbose) and an exit code.</summary>
internal static class ErrorReporter
{
    public static int Report(Exception exception, bool verbose, string? inputPath = null)
    {
        var (message, code) = exception switch
        {
            ArticleFormatException e => (e.Message, ExitCodes.BadInput),
            UnknownFormatException e => (e.Message, ExitCodes.Usage),
            UsageException e => (e.Message, ExitCodes.Usage),
            InputException e => (e.Message, ExitCodes.BadInput),
            OperationCanceledException => ("cancelled", ExitCodes.Cancelled),
            OutputException e => (e.Message, ExitCodes.BadInput),
            IOException or UnauthorizedAccessException => (Prefix(inputPath, exception.Message), ExitCodes.BadInput),
            _ => (Prefix(inputPath, $"internal error: {exception.GetType().Name}: {exception.Message}"), ExitCodes.BadInput),
        };
        Console.Error.WriteLine("convertify: " + OneLine(message));
        if (verbose)
        {
            Console.Error.WriteLine(exception.ToString());
        }
        return code;
    }

    private static string Prefix(string? path, string message) => path is null ? message : $"{path}: {message}";

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
