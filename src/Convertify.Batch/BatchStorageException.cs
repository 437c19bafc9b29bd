using Convertify.Errors;

namespace Convertify.Batch;

/// <summary>
/// The machine's storage failed the run (disk full, a read-only file system, permission denied): the run stopped at the
/// first such fault. The message is one line, <c>&lt;path&gt;: no space left on device</c>. The outputs written stay
/// complete and recorded, so a run after the fault is mended ends as a clean run would.
/// </summary>
public sealed class BatchStorageException : ConvertifyException
{
    /// <summary>Creates the error for <paramref name="path"/>, the file or folder that could not be written.</summary>
    public BatchStorageException(string path, string problem, BatchReport? report = null, string? accounting = null, Exception? innerException = null)
        : base($"{path}: {problem}", innerException)
    {
        Path = path;
        Problem = problem;
        Report = report;
        Accounting = accounting;
    }

    /// <summary>The file or folder that could not be written.</summary>
    public string Path { get; }

    /// <summary>What the system said, in its words (<c>no space left on device</c>, <c>read-only file system</c>, <c>permission denied</c>).</summary>
    public string Problem { get; }

    /// <summary>The report of the stopped run, also written to the output folder; null when it could not be written.</summary>
    public BatchReport? Report { get; }

    /// <summary>When the report could not be written: one line that accounts for every input found (converted, failed, not reached).</summary>
    public string? Accounting { get; }
}
