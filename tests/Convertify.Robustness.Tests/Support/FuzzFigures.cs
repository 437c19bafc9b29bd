using System.Globalization;

namespace Convertify.Robustness.Tests.Support;

/// <summary>What one fuzz run tried and found; printed with the seed and appended to a figures file for docs.</summary>
internal sealed class FuzzFigures
{
    public int Inputs;
    public long Bytes;
    public int Articles;
    public int FormatErrors;
    public int Crashes;
    public int Hangs;
    public int Documents;
    public int Catalogues;
    public int InvalidDocx;
    public int InvalidXlsx;
    public int FrontMatters;
    public int FrontMatterMismatches;
    public int UnsafeMarkdown;
    public double SlowestMsPer100Kb;
    public double SlowestMs;
    public SortedDictionary<string, int> ErrorKinds { get; } = new(StringComparer.Ordinal);

    public int Problems => Crashes + Hangs + InvalidDocx + InvalidXlsx + FrontMatterMismatches + UnsafeMarkdown;

    public string Summary(string name, ulong seed, TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture,
        $"{name}: seed {seed}, {elapsed.TotalSeconds:0.0} s, inputs {Inputs} ({Bytes / 1024.0:0} KiB), articles {Articles}, typed format errors {FormatErrors} [{string.Join(", ", ErrorKinds.Select(k => k.Key + " " + k.Value))}], " +
        $"crashes {Crashes}, hangs {Hangs}, docx {Documents} (invalid {InvalidDocx}), xlsx {Catalogues} (invalid {InvalidXlsx}), " +
        $"front matters {FrontMatters} (mismatches {FrontMatterMismatches}), unsafe markdown {UnsafeMarkdown}, " +
        $"slowest read {SlowestMs:0} ms, slowest per 100 KB {SlowestMsPer100Kb:0} ms");

    /// <summary>Appends a summary line to CONVERTIFY_FUZZ_FIGURES (if set) so a run's figures can go into docs.</summary>
    public static void Record(string line)
    {
        var path = Environment.GetEnvironmentVariable("CONVERTIFY_FUZZ_FIGURES");
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        Console.WriteLine(line);
        if (!string.IsNullOrEmpty(path))
        {
            lock (typeof(FuzzFigures))
            {
                File.AppendAllText(path, line + Environment.NewLine);
            }
        }
    }
}
