namespace Convertify.Batch;

/// <summary>The outcome of a batch run: every input found with its status, totals, duplicates and the options used.</summary>
/// <param name="Input">The input as named by the user.</param>
/// <param name="Options">The run's options.</param>
/// <param name="ToolVersion">Convertify's version.</param>
/// <param name="Inputs">Every input found, sorted by path (ordinal). From <see cref="BatchRunner"/>, a list read from the output folder's state database when used (memory does not grow with the archive; each read makes a new object; a later run on the same folder replaces it).</param>
/// <param name="Duplicates">Groups of inputs that are the same article (from <see cref="BatchRunner"/>, read from the state database like <paramref name="Inputs"/>).</param>
/// <param name="CatalogPath">The catalogue written, relative to the output folder; null when none was asked for or the run was cancelled.</param>
/// <param name="Cancelled">True when the run was stopped by cancellation (Ctrl+C) before it finished.</param>
/// <param name="Elapsed">How long the run took.</param>
public sealed record BatchReport(
    string Input,
    BatchOptions Options,
    string ToolVersion,
    IReadOnlyList<BatchInputResult> Inputs,
    IReadOnlyList<BatchDuplicate> Duplicates,
    string? CatalogPath,
    bool Cancelled,
    TimeSpan Elapsed)
{
    /// <summary>The report's file name inside the output folder.</summary>
    public const string FileName = "convertify-report.json";

    /// <summary>Why the catalogue was not written, when it was asked for and is missing.</summary>
    public string? CatalogError { get; init; }

    /// <summary>The output folder, as a full path.</summary>
    public string OutputDirectory { get; init; } = Path.GetFullPath(Options.OutputDirectory);

    private BatchTotals? _totals;

    /// <summary>Counts by status.</summary>
    public BatchTotals Totals => _totals ??= BatchTotals.Of(Inputs);

    /// <summary>The totals when the maker of the report counted them already (saves a pass over a stored list).</summary>
    internal BatchTotals KnownTotals
    {
        init => _totals = value;
    }

    /// <summary>
    /// How many articles each filter left out, in the order the filters apply (an article counts for the first filter
    /// that refuses it); only filters that left some out.
    /// </summary>
    public IReadOnlyList<BatchFilterCount> FilteredOut { get; init; } = [];

    /// <summary>The ids of <see cref="BatchOptions.Selection"/> that no input had, in the selection's order (empty when the run was stopped or sharded).</summary>
    public IReadOnlyList<string> SelectedNotFound { get; init; } = [];

    /// <summary>True when the filters left out every article that was read: none was converted or unchanged.</summary>
    public bool NoArticleMatched => !Cancelled && FilteredOut.Count > 0 && Totals.Converted + Totals.Unchanged == 0;

    /// <summary>
    /// 130 when cancelled, 1 when some input failed or the catalogue could not be written, or with
    /// <see cref="BatchOptions.FailOnEmpty"/> when no article was converted or unchanged; else 0.
    /// </summary>
    public int ExitCode => Cancelled ? 130
        : Totals.Failed > 0 || CatalogError is not null || Options.FailOnEmpty && Totals.Converted + Totals.Unchanged == 0 ? 1
        : 0;

    /// <summary>A few lines for people: the totals, the catalogue, the report's place, and the first failures.</summary>
    public string Summary()
    {
        var t = Totals;
        var text = new System.Text.StringBuilder();
        text.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"{t.Found} inputs: {t.Converted} converted, {t.Unchanged} unchanged, {t.Skipped} skipped, {t.Failed} failed");
        if (t.Cancelled > 0)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $", {t.Cancelled} not processed (cancelled)");
        }
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $" in {Elapsed.TotalSeconds:0.0} s");
        if (Duplicates.Count > 0)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"; {Duplicates.Count} duplicate group(s)");
        }
        text.AppendLine();
        if (NoArticleMatched)
        {
            text.Append("no article matched the filters: ")
                .AppendJoin(", ", FilteredOut.Select(f => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{f.Filter} removed {f.Removed}")))
                .AppendLine();
        }
        if (SelectedNotFound.Count > 0)
        {
            const int shown = 5;
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                    $"warning: {SelectedNotFound.Count} id(s) marked in {Options.Selection?.Source} not in the input: ")
                .AppendJoin(", ", SelectedNotFound.Take(shown))
                .Append(SelectedNotFound.Count > shown ? ", …" : string.Empty)
                .AppendLine();
        }
        // Inputs from a run are read from disk: without failures there is nothing to look for.
        if (t.Failed > 0)
        {
            foreach (var failure in Inputs.Where(i => i.Status == BatchStatus.Failed).Take(10))
            {
                text.Append("  failed: ").Append(failure.Path).Append(": ").AppendLine(failure.Reason);
            }
        }
        if (t.Failed > 10)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"  … and {t.Failed - 10} more").AppendLine();
        }
        if (CatalogPath is not null)
        {
            text.Append("catalogue: ").AppendLine(Path.Combine(OutputDirectory, CatalogPath));
        }
        else if (CatalogError is not null)
        {
            text.Append("catalogue not written: ").AppendLine(CatalogError);
        }
        text.Append("report: ").AppendLine(Path.Combine(OutputDirectory, FileName));
        return text.ToString();
    }
}
