using AngleSharp.Dom;
using Convertify.Archive.Html;
using Convertify.Model;

namespace Convertify.Archive.Sites;

/// <summary>
/// One outlet of the archive: its folder code, display name and URL hosts, and the rules for markup only it writes.
/// An outlet without rules of its own is this class as is; one with rules is a subclass in its own file.
/// The rules of every outlet are tried on every article: the feed's layouts cross sites (2020 folders are named
/// in Chinese, bbc pages carry nyt's markup), and today's reader recognises each layout wherever it appears.
/// </summary>
internal class SiteProfile(string code, string name, params string[] hosts)
{
    public string Code { get; } = code;

    public string Name { get; } = name;

    public IReadOnlyList<string> Hosts { get; } = hosts;

    public SiteInfo Info => new(Code, Name);

    /// <summary>Takes an element of the body's leading part (before the first paragraph) that states this site's metadata; false leaves it.</summary>
    public virtual bool TryLiftLeading(IElement element, LeadingMetadata lead) => false;

    /// <summary>
    /// The box of labelled facts this site puts in its articles (CDT's archive card), or null. The reader removes it
    /// wherever it sits and keeps the facts it states; the survey does not look inside it.
    /// </summary>
    public virtual InfoBox? InfoBox => null;
}
