namespace Convertify.Model;

/// <summary>A publication time with its provenance.</summary>
/// <param name="Value">The instant, with the offset it was stated or reconciled in.</param>
/// <param name="Source">Where the time came from.</param>
/// <param name="Precision">How precise the source was.</param>
/// <param name="RawText">The text the time was read from, when it came from the body.</param>
public sealed record PublishedTime(DateTimeOffset Value, DateSource Source, DatePrecision Precision, string? RawText);
