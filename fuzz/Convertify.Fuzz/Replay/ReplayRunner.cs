using System.Diagnostics;
using Convertify.Fuzz.Targets;

namespace Convertify.Fuzz.Replay;

/// <summary>
/// Runs saved inputs (AFL's crashes and hangs, or regression fixtures) through a target outside AFL, in a warmed-up
/// process, and says for each whether it passes: no escaping exception and within the hang limit.
/// </summary>
internal static class ReplayRunner
{
    /// <summary>Replays every file; returns the number that failed.</summary>
    public static int Run(IFuzzTarget target, IEnumerable<string> files, TextWriter log)
    {
        WarmUp.Run(target);
        var failed = 0;
        foreach (var file in files)
        {
            var outcome = RunOne(target, File.ReadAllBytes(file));
            if (!outcome.Passed)
            {
                failed++;
            }
            log.WriteLine($"{(outcome.Passed ? "ok   " : "FAIL ")} {outcome.Elapsed.TotalMilliseconds,8:F0} ms  {file}{(outcome.Problem is null ? "" : "  " + outcome.Problem)}");
        }
        return failed;
    }

    /// <summary>One input: the exception that escaped, if any, and the time taken.</summary>
    public static ReplayOutcome RunOne(IFuzzTarget target, byte[] input)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            return new ReplayOutcome(TimedExecution.Run(target, input), null);
        }
        catch (Exception e)
        {
            return new ReplayOutcome(clock.Elapsed, $"{e.GetType().FullName}: {e.Message}\n{e.StackTrace}");
        }
    }
}
