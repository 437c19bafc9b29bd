namespace Convertify.Archive.Html;

/// <summary>What an image element resolves to: a real image URL, or why it is not one.</summary>
internal sealed record ResolvedImage(string? Url, string Alt, string? DropCode)
{
    public bool IsReal => Url is not null;
}
