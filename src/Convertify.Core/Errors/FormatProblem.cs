namespace Convertify.Errors;

/// <summary>Why an input could not be read.</summary>
public enum FormatProblem
{
    /// <summary>The file does not exist.</summary>
    NotFound,
    /// <summary>The file could not be read.</summary>
    Unreadable,
    /// <summary>The input is larger than a reader accepts.</summary>
    TooLarge,
    /// <summary>The input is empty.</summary>
    Empty,
    /// <summary>The input is binary, not text.</summary>
    Binary,
    /// <summary>The input is not valid UTF-8.</summary>
    InvalidEncoding,
    /// <summary>The article header (feed time, title line, rule) is missing or malformed.</summary>
    InvalidHeader,
    /// <summary>The input is an archive index page, not an article.</summary>
    ArchiveIndex,
    /// <summary>The input nests or repeats markup beyond the reader's limits.</summary>
    LimitExceeded,
    /// <summary>The input's own structure is broken: malformed XML in a feed, front matter that is not YAML, a host format's syntax.</summary>
    Malformed,
}
