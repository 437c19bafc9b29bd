namespace Convertify.Batch.State;

/// <summary>What an earlier run wrote for one input: the outputs are current while the input and the writers are the same.</summary>
/// <param name="Sha256">SHA-256 of the input's bytes.</param>
/// <param name="Tool">The tool version that wrote the outputs.</param>
/// <param name="Options">Hash of the options that shape the outputs (formats and writers).</param>
/// <param name="Outputs">The outputs, relative to the output folder.</param>
internal sealed record ManifestEntry(byte[] Sha256, string Tool, string Options, IReadOnlyList<string> Outputs)
{
    /// <summary>
    /// True when <paramref name="previous"/> was written from the same bytes with the same tool and options, and every one
    /// of its outputs still exists.
    /// </summary>
    public bool IsUnchangedSince(ManifestEntry? previous, string outputDirectory) =>
        previous is not null &&
        previous.Sha256.AsSpan().SequenceEqual(Sha256) &&
        previous.Tool == Tool &&
        previous.Options == Options &&
        previous.Outputs.SequenceEqual(Outputs, StringComparer.Ordinal) &&
        previous.Outputs.All(o => File.Exists(Path.Combine(outputDirectory, o)));
}
