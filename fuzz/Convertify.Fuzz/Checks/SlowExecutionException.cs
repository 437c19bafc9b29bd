namespace Convertify.Fuzz;

/// <summary>One execution took longer than the hang limit; the fuzzer records it as a crash, and a replay times it again.</summary>
internal sealed class SlowExecutionException : Exception
{
    public SlowExecutionException(string message) : base(message) { }
}
