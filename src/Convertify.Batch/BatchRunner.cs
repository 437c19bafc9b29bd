using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Convertify.Batch.Faults;
using Convertify.Batch.Output;
using Convertify.Batch.Sources;
using Convertify.Batch.State;
using Convertify.Conversion;
using Convertify.Formats;

namespace Convertify.Batch;

/// <summary>
/// Converts a whole archive: <see cref="BatchOptions.Jobs"/> workers take the source's entries in order, one at a time
/// (memory does not grow with the number of inputs: what the run learns of each goes to the state database), every
/// file is written atomically, the state makes re-runs incremental, and the report accounts for every input found,
/// even when the run is cancelled. One run at a time writes an output folder.
/// </summary>
public sealed class BatchRunner
{
    private readonly Converter _converter;

    /// <summary>Creates a runner over the converter's registered reader and writers.</summary>
    public BatchRunner(Converter converter)
    {
        ArgumentNullException.ThrowIfNull(converter);
        _converter = converter;
    }

    /// <summary>The tool version recorded in reports and the state (the informational version of this assembly).</summary>
    public static string ToolVersion { get; } =
        typeof(BatchRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(BatchRunner).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    /// <summary>Runs the batch and writes <c>convertify-report.json</c> into the output folder (also when cancelled).</summary>
    /// <param name="input">A folder, a glob, a .md, .zip, .tar, .tar.gz or .tgz file.</param>
    /// <param name="options">The run's options.</param>
    /// <param name="progress">Receives a snapshot after each input; may be called from several threads.</param>
    /// <param name="cancellationToken">Stops the run cleanly: inputs not processed are reported as cancelled.</param>
    /// <exception cref="BatchUsageException">A format is unknown, the options are invalid, or the input is of an unknown kind.</exception>
    /// <exception cref="Errors.ArticleFormatException">The input does not exist (<see cref="Errors.FormatProblem.NotFound"/>).</exception>
    /// <exception cref="BatchBusyException">Another run is writing the output folder.</exception>
    /// <exception cref="BatchStorageException">
    /// The disk is full, the output folder read-only, or a file in it cannot be replaced: the run stopped at the first such
    /// fault, with the report written when it could be.
    /// </exception>
    public async Task<BatchReport> RunAsync(string input, BatchOptions options, IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var plan = Plan(options);
        var outputDirectory = Path.GetFullPath(options.OutputDirectory);
        // Inputs are the files of every registered reader's extensions; which reader reads one is judged from its content.
        using var source = ArchiveSource.Open(input, outputDirectory, _converter.Registry.Readers.SelectMany(r => r.Format.Extensions));
        if (source is FolderSource folder && IsSameOrInside(folder.Description, outputDirectory))
        {
            throw new BatchUsageException($"the output folder {outputDirectory} holds the input {folder.Description}: outputs could overwrite inputs; choose another BatchOptions.OutputDirectory");
        }
        try
        {
            Directory.CreateDirectory(outputDirectory);
        }
        catch (Exception e) when (StorageFault.Classify(e) is { } problem)
        {
            throw new BatchStorageException(outputDirectory, StorageFault.Describe(StorageFault.Refine(problem, outputDirectory)), innerException: e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BatchUsageException($"cannot create the output folder {outputDirectory}: {e.Message}");
        }
        using var runLock = AcquireLock(outputDirectory);
        try
        {
            TemporaryFiles.Clean(outputDirectory);
            var run = new BatchRun(_converter, input, options, plan, outputDirectory, progress, cancellationToken);
            return await run.ExecuteAsync(source).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not BatchStorageException && StorageFault.Classify(e) is { } problem)
        {
            // Where no step names its own path (the catalogue's temporary file, say): the output folder.
            throw new BatchStorageException(outputDirectory, StorageFault.Describe(StorageFault.Refine(problem, outputDirectory)), innerException: e);
        }
        finally
        {
            // Under the lock still: no other run is writing into these folders.
            TemporaryFiles.RemoveEmptyFolders(Path.Combine(outputDirectory, StateDatabase.FolderName, OutputWriter.TemporaryFolderName));
        }
    }

    private static RunLock AcquireLock(string outputDirectory)
    {
        try
        {
            return RunLock.Acquire(outputDirectory);
        }
        catch (Exception e) when (StorageFault.Classify(e) is { } problem)
        {
            throw new BatchStorageException(outputDirectory, StorageFault.Describe(StorageFault.Refine(problem, outputDirectory)), innerException: e);
        }
    }

    private WriterPlan Plan(BatchOptions options)
    {
        if (options.Formats.Count == 0)
        {
            throw new BatchUsageException("no output format: set BatchOptions.Formats to writer names (md, docx, xlsx)");
        }
        if (string.IsNullOrWhiteSpace(options.OutputDirectory))
        {
            throw new BatchUsageException("no output folder: set BatchOptions.OutputDirectory");
        }
        if (options.Since is { } since && options.Until is { } until && since > until)
        {
            throw new BatchUsageException($"BatchOptions.Since {since:yyyy-MM-dd} is after BatchOptions.Until {until:yyyy-MM-dd}");
        }
        if (options.Reader is { } readerName && !_converter.Registry.Readers.Any(r => string.Equals(r.Format.Name, readerName, StringComparison.OrdinalIgnoreCase)))
        {
            throw new BatchUsageException($"unknown reader '{readerName}'; known: {string.Join(", ", _converter.Registry.Readers.Select(r => r.Format.Name))}");
        }
        var writers = new List<IArticleWriter>();
        ICatalogWriter? catalogWriter = null;
        foreach (var name in options.Formats.Select(f => f.Trim()).Where(f => f.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var writer = _converter.Registry.FindWriter(name);
            var catalog = writer is null ? _converter.Registry.FindCatalogWriter(name) : null;
            if (writer is not null)
            {
                if (!writers.Any(w => w.Format.Name == writer.Format.Name))
                {
                    writers.Add(writer);
                }
            }
            else if (catalog is not null)
            {
                if (catalogWriter is not null && catalogWriter.Format.Name != catalog.Format.Name)
                {
                    throw new BatchUsageException($"only one catalogue format per run: {catalogWriter.Format.Name} and {catalog.Format.Name}");
                }
                catalogWriter = catalog;
            }
            else
            {
                throw new BatchUsageException($"unknown format '{name}'; known: {string.Join(", ", _converter.Registry.WriterNames)}");
            }
        }
        writers.Sort((a, b) => string.CompareOrdinal(a.Format.Name, b.Format.Name));
        if (writers.Select(w => w.Format.Extension).Distinct(StringComparer.OrdinalIgnoreCase).Count() != writers.Count)
        {
            throw new BatchUsageException("two formats share a file extension; their outputs would overwrite each other");
        }
        var optionsText = string.Join(';', writers.Select(w => $"{w.Format.Name}={w.Format.Extension}={w.GetType().FullName}"));
        if (options.WriterSettings.Length > 0)
        {
            optionsText += ";" + options.WriterSettings;
        }
        if (options.Reader is not null)
        {
            // Another reader may read the same input differently: its outputs are not "unchanged".
            optionsText += ";from=" + options.Reader.ToLowerInvariant();
        }
        var optionsHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(optionsText)))[..16];
        return new WriterPlan(writers, [.. writers.Select(w => w.Format.Extension)], catalogWriter, optionsHash);
    }

    private static bool IsSameOrInside(string path, string folder)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(folder);
        return path == trimmed || path.StartsWith(trimmed + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
