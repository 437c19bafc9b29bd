using System.Diagnostics;

namespace Convertify.Fuzz.Targets;

/// <summary>
/// The hang property: one execution of a warmed-up target takes at most <see cref="Limit"/>. The harness enforces it
/// by its own clock rather than by afl-fuzz's <c>-t</c>, because a child process restarted after a crash pays the
/// runtime's start-up and JIT inside afl-fuzz's timeout; afl-fuzz's larger <c>-t</c> still catches an endless loop.
/// </summary>
internal static class TimedExecution
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    /// <summary>Runs the input; throws <see cref="SlowExecutionException"/> when it took longer than the limit.</summary>
    public static TimeSpan Run(IFuzzTarget target, byte[] input)
    {
        var clock = Stopwatch.StartNew();
        target.Run(input);
        var elapsed = clock.Elapsed;
        if (elapsed > Limit)
        {
            throw new SlowExecutionException($"{target.Name}: one execution took {elapsed.TotalMilliseconds:F0} ms (limit {Limit.TotalMilliseconds:F0} ms) for {input.Length} bytes");
        }
        return elapsed;
    }
}
