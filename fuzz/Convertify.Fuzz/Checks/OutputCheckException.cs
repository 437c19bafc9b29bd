namespace Convertify.Fuzz;

/// <summary>A written output broke a property (a package that does not open); the fuzzer records it as a crash.</summary>
internal sealed class OutputCheckException : Exception
{
    public OutputCheckException(string message, Exception? inner = null) : base(message, inner) { }
}
