namespace Convertify.Batch;

/// <summary>Options of one batch run.</summary>
public sealed record BatchOptions
{
    /// <summary>Output formats by writer name (<c>md</c>, <c>docx</c>, <c>xlsx</c>); one-article writers produce a file per article, a catalogue writer produces <c>catalog.&lt;ext&gt;</c>.</summary>
    public required IReadOnlyList<string> Formats { get; init; }

    /// <summary>The folder that receives every output, the report and the state (<c>.convertify/</c>). Nothing is written outside it.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>How many articles are converted at once; 0 or less means the processor count.</summary>
    public int Jobs { get; init; }

    /// <summary>Only these site codes (case-insensitive); empty means every site.</summary>
    public IReadOnlyList<string> Sites { get; init; } = [];

    /// <summary>Only these language tags (case-insensitive); empty means every language.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>Only articles published on or after this day (in the article's own offset).</summary>
    public DateOnly? Since { get; init; }

    /// <summary>Only articles published on or before this day (in the article's own offset).</summary>
    public DateOnly? Until { get; init; }

    /// <summary>Only the articles with these ids (the rows marked in a catalogue); null means every article.</summary>
    public ArticleSelection? Selection { get; init; }

    /// <summary>Reconverts every input even when the state says it is unchanged.</summary>
    public bool Force { get; init; }

    /// <summary>Stops at the first failed input; the inputs not yet processed are reported as cancelled.</summary>
    public bool FailFast { get; init; }

    /// <summary>Makes the run's exit code 1 when no article was converted or unchanged (the filters matched none, or there were none).</summary>
    public bool FailOnEmpty { get; init; }

    /// <summary>The name of the reader every input is read with; null sniffs each input's format from its content.</summary>
    public string? Reader { get; init; }

    /// <summary>Converts only this slice of the archive; null converts everything.</summary>
    public ShardSpec? Shard { get; init; }

    /// <summary>
    /// The writers' settings that shape their outputs, as text (e.g. whether Word embeds downloaded pictures); it joins
    /// the options recorded in the state, so a run with other settings writes every output again. Empty by default.
    /// </summary>
    public string WriterSettings { get; init; } = string.Empty;

    /// <summary>The jobs actually used.</summary>
    public int EffectiveJobs => Jobs > 0 ? Jobs : Environment.ProcessorCount;
}
