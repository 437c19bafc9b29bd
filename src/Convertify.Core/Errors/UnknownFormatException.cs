namespace Convertify.Errors;

/// <summary>No reader or writer is registered under a name, or no reader is registered at all.</summary>
public sealed class UnknownFormatException : ConvertifyException
{
    /// <summary>Creates the error.</summary>
    /// <param name="name">The name asked for.</param>
    /// <param name="known">The names that are registered.</param>
    public UnknownFormatException(string name, IEnumerable<string> known)
        : base($"unknown format '{name}'; known: {string.Join(", ", known)}")
    {
        Name = name;
    }

    private UnknownFormatException(string name, string message) : base(message)
    {
        Name = name;
    }

    /// <summary>The name asked for.</summary>
    public string Name { get; }

    // The reader packages vary (AddArchiveReader, AddFeedReader, AddMarkdownReader, a host's own): name the first and the pattern.
    internal static UnknownFormatException NoReader() =>
        new("(default reader)", "no reader registered: call AddArchiveReader() (or another reader package's Add…Reader(), or AddReader(reader)) on the ConverterBuilder");

    internal static UnknownFormatException NoWriter(string name) =>
        new(name, $"unknown format '{name}': no writer registered: call AddMarkdown(), AddWord() (or another writer package's Add…(), or AddWriter(writer)) on the ConverterBuilder");
}
