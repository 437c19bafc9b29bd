using Convertify.Model;

namespace Convertify.Word;

/// <summary>What a dossier keeps of an article until it is written: the facts of the cover, contents and notes, and where its XML and pictures were spooled.</summary>
internal sealed record DossierEntry(
    int Index,
    string Id,
    string Title,
    SiteInfo Site,
    DateTimeOffset Published,
    string Bookmark,
    ArticleSpool.Segment Xml,
    IReadOnlyList<(string Target, ArticleSpool.Segment Data)> Media,
    IReadOnlyList<ConversionWarning> Warnings);
