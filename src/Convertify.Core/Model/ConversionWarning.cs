namespace Convertify.Model;

/// <summary>Something a reader or writer dropped, repaired or guessed.</summary>
/// <param name="Code">Stable machine-readable code, e.g. <c>html.malformed</c>.</param>
/// <param name="Message">One line for people.</param>
/// <param name="Retryable">
/// A later run may not warn again (a download that failed, a picture not yet in the folder): a batch leaves the article
/// unsettled and writes it again next time. False for what the same input always gives (a WebP picture).
/// </param>
public sealed record ConversionWarning(string Code, string Message, bool Retryable = false)
{
    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
