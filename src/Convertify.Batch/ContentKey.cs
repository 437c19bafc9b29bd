using System.Globalization;

namespace Convertify.Batch;

/// <summary>A content hash: a number, or the text of a hash that is not 32 lower-case hex digits.</summary>
internal readonly record struct ContentKey(UInt128 Value, string? Text)
{
    public bool IsEmpty => Text is { Length: 0 };

    public override string ToString() => Text ?? Value.ToString("x32", CultureInfo.InvariantCulture);
}
