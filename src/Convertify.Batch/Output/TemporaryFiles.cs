using System.Text.RegularExpressions;

namespace Convertify.Batch.Output;

/// <summary>
/// Removes the temporary files a killed run left behind (<c>AtomicFile</c>'s <c>.name.pid.guid.tmp</c>), and the
/// threads' empty temporary folders when a run ends.
/// </summary>
internal static class TemporaryFiles
{
    private static readonly Regex Name = new(@"^\..+\.[0-9]+\.[0-9a-f]{32}\.tmp$", RegexOptions.CultureInvariant);

    /// <summary>Deletes stale temporary files under <paramref name="outputDirectory"/>; returns how many.</summary>
    public static int Clean(string outputDirectory)
    {
        if (!Directory.Exists(outputDirectory))
        {
            return 0;
        }
        var removed = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
        foreach (var file in Directory.EnumerateFiles(outputDirectory, ".*.tmp", options))
        {
            if (Name.IsMatch(Path.GetFileName(file)))
            {
                try
                {
                    File.Delete(file);
                    removed++;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                }
            }
        }
        return removed;
    }

    /// <summary>
    /// Deletes the empty folders directly under <paramref name="temporaryRoot"/> and then the root itself if it is empty;
    /// a folder that still holds something (a file a fault left, another process's) is kept.
    /// </summary>
    public static void RemoveEmptyFolders(string temporaryRoot)
    {
        if (!Directory.Exists(temporaryRoot))
        {
            return;
        }
        foreach (var folder in Directory.EnumerateDirectories(temporaryRoot).ToList().Append(temporaryRoot))
        {
            try
            {
                // Not recursive: Directory.Delete refuses a folder that is not empty.
                Directory.Delete(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
    }
}
