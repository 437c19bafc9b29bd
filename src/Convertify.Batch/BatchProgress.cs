namespace Convertify.Batch;

/// <summary>A snapshot of a running batch, reported after each input.</summary>
/// <param name="Done">Inputs finished (any status).</param>
/// <param name="Total">Inputs found in all, when known in advance (folders, globs, zip files); null while a tar stream is still being read.</param>
/// <param name="Converted">Rows converted so far: inputs, and each article of an input that holds many (a feed).</param>
/// <param name="Unchanged">Rows unchanged so far.</param>
/// <param name="Skipped">Rows skipped so far.</param>
/// <param name="Failed">Rows failed so far (a feed that stops at a fault is one).</param>
/// <param name="Elapsed">Time since the run started.</param>
/// <param name="Current">The input just finished, or what the run is doing (e.g. writing the catalogue).</param>
public sealed record BatchProgress(int Done, int? Total, int Converted, int Unchanged, int Skipped, int Failed, TimeSpan Elapsed, string Current)
{
    /// <summary>Inputs finished per second so far.</summary>
    public double Rate => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;

    /// <summary>Estimated time left, when the total is known and something is done.</summary>
    public TimeSpan? Remaining => Total is { } total && Done > 0 && Rate > 0 ? TimeSpan.FromSeconds(Math.Max(0, total - Done) / Rate) : null;
}
