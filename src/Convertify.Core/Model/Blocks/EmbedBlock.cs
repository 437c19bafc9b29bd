namespace Convertify.Model;

/// <summary>Embedded media (video, audio, frame, social post) kept as a link.</summary>
/// <param name="Kind">What was embedded.</param>
/// <param name="Url">Absolute URL of the media or the embedded page.</param>
/// <param name="Title">A title for the link, empty when none.</param>
public sealed record EmbedBlock(EmbedKind Kind, string Url, string Title) : Block;
