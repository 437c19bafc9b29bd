using System.Collections.Immutable;
using Convertify.Model;

namespace Convertify.Markdown.Dossier;

/// <summary>What a dossier keeps of one article once its section is spooled: enough to order, list and find it.</summary>
/// <param name="Index">Its position among the added articles.</param>
/// <param name="Id">The archive id.</param>
/// <param name="Title">The title on one line.</param>
/// <param name="Anchor">The id of its section heading.</param>
/// <param name="Site">The site.</param>
/// <param name="Published">Its publication time.</param>
/// <param name="Language">Its language tag.</param>
/// <param name="Offset">Where its section starts in the spool (bytes).</param>
/// <param name="Length">Its section's length in bytes.</param>
/// <param name="Warnings">What the reader or writer warned about.</param>
internal sealed record DossierEntry(
    int Index, string Id, string Title, string Anchor, SiteInfo Site, DateTimeOffset Published, string Language,
    long Offset, long Length, ImmutableArray<ConversionWarning> Warnings);
