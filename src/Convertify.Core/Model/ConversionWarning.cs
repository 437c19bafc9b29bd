namespace Convertify.Model;

/// <summary>Something a reader or writer dropped, repaired or guessed.</summary>
/// <param name="Code">Stable machine-readable code, e.g. <c>html.malformed</c>.</param>
/// <param name="Message">One line for people.</param>
public sealed record ConversionWarning(string Code, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
