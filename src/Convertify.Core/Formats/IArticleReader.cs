using Convertify.Model;

namespace Convertify.Formats;

/// <summary>Reads one input into the canonical article model.</summary>
public interface IArticleReader
{
    /// <summary>The reader's name and description.</summary>
    FormatInfo Format { get; }

    /// <summary>Reads one article.</summary>
    /// <exception cref="Errors.ArticleFormatException">The input is not a readable article; the message names the file and the problem.</exception>
    Article Read(ArticleInput input);

    /// <summary>
    /// Reads every article <paramref name="input"/> holds, in order: one for an article file, one per item for a feed.
    /// A fault that ends reading (malformed XML half way) is thrown by the enumeration when it is reached, so the articles
    /// yielded before it stand. The default reads the one article <see cref="Read"/> reads.
    /// </summary>
    /// <exception cref="Errors.ArticleFormatException">The input, or the rest of it from the fault on, is not readable.</exception>
    IEnumerable<Article> ReadAll(ArticleInput input) => [Read(input)];

    /// <summary>
    /// Whether one input of this format can hold many articles (a feed). Outputs are then named per article
    /// (<c>feed/&lt;slug&gt;.md</c>) even when an input holds one, so a feed that grows keeps its first item's name.
    /// </summary>
    bool ReadsMany => false;

    /// <summary>
    /// Whether <paramref name="content"/> (an input's bytes) looks like this reader's format, judged from its content,
    /// never its name. A reader that does not sniff claims nothing: it is only used when named or when it is the default.
    /// </summary>
    bool Sniffs(ReadOnlySpan<byte> content) => false;

    /// <summary>What <see cref="Sniffs"/> looks for, for people (<c>convertify formats</c>); empty when it sniffs nothing.</summary>
    string SniffDescription => "";
}
