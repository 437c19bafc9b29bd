namespace Convertify.Fuzz.Targets;

/// <summary>
/// One thing the fuzzer drives. <see cref="Run"/> returns for an input that reads as an article or gives a documented
/// format error (<see cref="Errors.ArticleFormatException"/>); any other exception escapes, and AFL records a crash.
/// </summary>
internal interface IFuzzTarget
{
    /// <summary>The name given on the command line (<c>archive</c>, <c>html</c>, <c>md</c>, <c>docx</c>, <c>xlsx</c>).</summary>
    string Name { get; }

    /// <summary>What one execution checks, for <c>--help</c> and the docs.</summary>
    string Description { get; }

    /// <summary>Runs one input; throws when a property fails.</summary>
    void Run(byte[] input);

    /// <summary>The seed this target wants from a fixture file (most targets: the file itself).</summary>
    byte[] SeedFrom(string fixturePath, byte[] fixture);
}
