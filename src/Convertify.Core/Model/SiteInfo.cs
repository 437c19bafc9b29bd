namespace Convertify.Model;

/// <summary>A publishing site: a short code (<c>voa</c>) and a display name (<c>美国之音</c>).</summary>
/// <param name="Code">Stable short code, lower case.</param>
/// <param name="DisplayName">Name for people.</param>
public sealed record SiteInfo(string Code, string DisplayName);
