namespace Convertify.Batch.Incremental;

/// <summary>One input in the manifest.</summary>
/// <param name="Sha256">SHA-256 of the input's bytes.</param>
/// <param name="Tool">The tool version that wrote the outputs.</param>
/// <param name="Options">Hash of the options that shape the outputs (formats and writers).</param>
/// <param name="Outputs">The outputs, relative to the output folder.</param>
internal sealed record ManifestEntry(Sha256Digest Sha256, string Tool, string Options, IReadOnlyList<string> Outputs);
