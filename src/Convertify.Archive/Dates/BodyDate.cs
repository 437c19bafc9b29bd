using Convertify.Model;

namespace Convertify.Archive.Dates;

/// <summary>A date read from the body, before reconciliation with the feed time.</summary>
/// <param name="Local">The stated date and time (zone-less).</param>
/// <param name="Offset">The stated offset, or null when the text names no zone.</param>
/// <param name="Precision">How precise the text is.</param>
/// <param name="Raw">The text it was read from.</param>
internal sealed record BodyDate(DateTime Local, TimeSpan? Offset, DatePrecision Precision, string Raw);
