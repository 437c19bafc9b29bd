namespace Convertify.Model;

/// <summary>A link the body held without any text (for example an empty anchor), kept beside the body.</summary>
/// <param name="Url">Absolute URL.</param>
/// <param name="Title">Its title attribute, if any.</param>
public sealed record RelatedLink(string Url, string? Title);
