using System.Security.Cryptography;
using Convertify.Batch;
using Convertify.Conversion;

namespace Convertify.Robustness.Tests.Support;

/// <summary>Runs a batch with every format, and snapshots a folder (outside out/) by content hash.</summary>
internal static class TestArchive
{
    public static Task<BatchReport> RunBatch(this Converter converter, string input, string output) =>
        new BatchRunner(converter).RunAsync(input, new BatchOptions { Formats = ["md", "docx", "xlsx"], OutputDirectory = output, Jobs = 1 });

    public static SortedDictionary<string, string> Snapshot(string folder)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (relative.StartsWith("out/", StringComparison.Ordinal)) continue;
            result[relative] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        }
        return result;
    }
}
