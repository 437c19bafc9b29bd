namespace Convertify.Errors;

/// <summary>No reader or writer is registered under a name.</summary>
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

    /// <summary>The name asked for.</summary>
    public string Name { get; }
}
