namespace Convertify.Model;

/// <summary>The outlet or account an archived article was first published by, when the archive names one.</summary>
/// <param name="Name">The source as the archive names it, e.g. <c>微信公众号“冷眼泽时”</c>.</param>
/// <param name="Url">The link the archive gives for it, absolute http(s), or null.</param>
public sealed record OriginalSource(string Name, string? Url);
