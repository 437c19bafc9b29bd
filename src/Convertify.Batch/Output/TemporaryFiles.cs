using System.Text.RegularExpressions;

namespace Convertify.Batch.Output;

/// <summary>Removes the temporary files a killed run left behind (<c>AtomicFile</c>'s <c>.name.pid.guid.tmp</c>).</summary>
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
}
