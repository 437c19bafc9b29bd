using System.Security.Cryptography;
using Convertify.Fuzz.Targets;

namespace Convertify.Fuzz.Seeds;

/// <summary>
/// Writes a target's starting inputs from the repository's own fixtures (never the corpus): the articles, the bad
/// files, the index page and the regressions found so far, each once.
/// </summary>
internal static class SeedWriter
{
    private static readonly string[] Folders = ["articles", "bad", "lists", "regressions"];

    /// <summary>Writes the seeds into <paramref name="output"/> (created) and returns how many.</summary>
    public static int Write(IFuzzTarget target, string fixtures, string output)
    {
        Directory.CreateDirectory(output);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        var files = Folders
            .Select(folder => Path.Combine(fixtures, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            var seed = target.SeedFrom(file, File.ReadAllBytes(file));
            if (seed.Length == 0 || !seen.Add(Convert.ToHexString(SHA256.HashData(seed))))
            {
                continue;
            }
            count++;
            File.WriteAllBytes(Path.Combine(output, $"{count:D3}-{Path.GetFileName(Path.GetDirectoryName(file))}-{Path.GetFileName(file)}"), seed);
        }
        return count;
    }
}
