namespace Convertify.Formats;

/// <summary>Options for a dossier.</summary>
/// <param name="Title">The dossier's title; null: "Dossier: &lt;sites&gt;, &lt;first date&gt; – &lt;last date&gt;".</param>
/// <param name="Order">The order of its articles.</param>
/// <param name="Created">Creation time stored in the document's properties; null keeps output reproducible by deriving it from the articles.</param>
public sealed record DossierOptions(string? Title = null, DossierOrder Order = DossierOrder.Date, DateTimeOffset? Created = null);
