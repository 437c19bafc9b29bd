namespace Convertify.Formats;

/// <summary>Options for a catalogue.</summary>
/// <param name="Title">Title stored in the document's properties.</param>
/// <param name="Created">Creation time stored in the document's properties; fixed so output is reproducible.</param>
public sealed record CatalogOptions(string Title = "Convertify catalogue", DateTimeOffset? Created = null);
