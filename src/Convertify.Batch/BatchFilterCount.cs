namespace Convertify.Batch;

/// <summary>How many articles one filter of the run left out.</summary>
/// <param name="Filter">The filter as given on the command line (<c>--lang en</c>, <c>--since 2024-01-01</c>).</param>
/// <param name="Removed">The articles it left out: those the earlier filters kept and it did not.</param>
public sealed record BatchFilterCount(string Filter, int Removed);
