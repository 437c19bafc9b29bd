using Convertify.Batch.Faults;
using Convertify.Conversion;

namespace Convertify.Cli;

/// <summary>Writes one output of <c>convert</c> atomically; a failure names the folder it was to go into, not the temporary file.</summary>
internal static class OutputFile
{
    /// <exception cref="OutputException">The folder cannot be made, or does not take the file.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        try
        {
            AtomicFile.Write(path, write);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var full = Path.GetFullPath(path);
            var folder = Path.GetDirectoryName(full) ?? full;
            throw new OutputException($"{folder}: cannot write {Path.GetFileName(full)} there: {Reason(e)}", e);
        }
    }

    private static string Reason(Exception e) => StorageFault.Classify(e) is { } problem
        ? StorageFault.Describe(problem)
        : e is FileNotFoundException or DirectoryNotFoundException
            // /proc and /sys refuse new files with ENOENT, as a folder that cannot be made does.
            ? "no such folder, or it does not take new files"
            : e.Message;
}
