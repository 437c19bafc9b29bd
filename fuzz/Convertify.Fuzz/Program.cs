using Convertify.Fuzz.Replay;
using Convertify.Fuzz.Seeds;
using Convertify.Fuzz.Targets;
using SharpFuzz;

namespace Convertify.Fuzz;

/// <summary>
/// The AFL++ harness. <c>Convertify.Fuzz TARGET</c> runs SharpFuzz's out-of-process fork server (under afl-fuzz;
/// otherwise one input from stdin); <c>Convertify.Fuzz TARGET FILE...</c> replays saved inputs;
/// <c>Convertify.Fuzz seeds TARGET FIXTURES OUT</c> writes a target's seeds. See scripts/fuzz.sh.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args is ["seeds", var seedTarget, var fixtures, var output] && FuzzTargets.Create(seedTarget) is { } forSeeds)
        {
            Console.WriteLine($"{SeedWriter.Write(forSeeds, fixtures, output)} seeds for {seedTarget} in {output}");
            return 0;
        }
        if (args.Length == 0 || !FuzzTargets.Names.Contains(args[0]))
        {
            Console.Error.WriteLine("usage: Convertify.Fuzz TARGET (under afl-fuzz) | TARGET FILE... (replay) | seeds TARGET FIXTURES OUT");
            foreach (var name in FuzzTargets.Names)
            {
                Console.Error.WriteLine($"  {name,-8} {FuzzTargets.Create(name)!.Description}");
            }
            return 2;
        }
        if (args.Length > 1)
        {
            return ReplayRunner.Run(FuzzTargets.Create(args[0])!, args.Skip(1), Console.Out) == 0 ? 0 : 1;
        }
        // Instrumented code may run only once SharpFuzz has mapped AFL's shared memory, so the target (and its reader
        // and writers) is created and warmed up inside the first execution. The out-of-process server restarts the
        // child after a hang or an uncatchable crash (stack overflow), so one such input does not end the whole run.
        IFuzzTarget? target = null;
        Fuzzer.OutOfProcess.Run(stream =>
        {
            target ??= WarmUp.Run(FuzzTargets.Create(args[0])!);
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            TimedExecution.Run(target, buffer.ToArray());
        });
        return 0;
    }
}
