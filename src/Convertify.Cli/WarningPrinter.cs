using Convertify.Model;

namespace Convertify.Cli;

/// <summary>Prints writer warnings on stderr, naming the input being converted.</summary>
internal sealed class WarningPrinter
{
    public string? CurrentInput { get; set; }

    public void Print(ConversionWarning warning) =>
        Console.Error.WriteLine(CurrentInput is null
            ? $"convertify: warning: {warning.Message}"
            : $"convertify: warning: {CurrentInput}: {warning.Message}");
}
