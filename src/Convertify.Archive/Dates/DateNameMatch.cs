namespace Convertify.Archive.Dates;

/// <summary>What <see cref="DateNameRewriter"/> decided about a text and a format with English day or month names.</summary>
internal enum DateNameMatch
{
    /// <summary>Parse the original text with the original format (the format has no names, or a name could not be judged).</summary>
    Unchanged,

    /// <summary>The text cannot match the format: a name is missing or unknown, or what precedes it does not fit.</summary>
    NoMatch,

    /// <summary>The names were matched: parse the numeric text with the numeric format, then check the day of the week.</summary>
    Rewritten,
}
