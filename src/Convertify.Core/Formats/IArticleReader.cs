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
    /// Whether <paramref name="content"/> (an input's bytes) looks like this reader's format, judged from its content,
    /// never its name. A reader that does not sniff claims nothing: it is only used when named or when it is the default.
    /// </summary>
    bool Sniffs(ReadOnlySpan<byte> content) => false;

    /// <summary>What <see cref="Sniffs"/> looks for, for people (<c>convertify formats</c>); empty when it sniffs nothing.</summary>
    string SniffDescription => "";
}
