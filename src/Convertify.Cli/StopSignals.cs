using System.Runtime.InteropServices;

namespace Convertify.Cli;

/// <summary>
/// SIGINT and SIGTERM on Unix: the first cancels the command (a batch then writes its report and exits 130 or 143), a
/// second one of either ends the process at once. System.CommandLine's own handler cannot tell the command which signal
/// came (its handler waits for the command to end before any later one runs), so it is not used on Unix.
/// </summary>
internal static class StopSignals
{
    private const int Interrupt = 2, Terminate = 15;
    private static int s_signal;

    /// <summary>True when SIGTERM (not SIGINT) stopped the command.</summary>
    public static bool Terminated => Volatile.Read(ref s_signal) == Terminate;

    /// <summary>True when this platform's signals are handled here (else System.CommandLine's handler is used).</summary>
    public static bool Supported => !OperatingSystem.IsWindows();

    /// <summary>Cancels <paramref name="stop"/> at the first SIGINT or SIGTERM until disposed.</summary>
    public static IDisposable Listen(CancellationTokenSource stop)
    {
        void OnSignal(PosixSignalContext context)
        {
            var number = context.Signal == PosixSignal.SIGTERM ? Terminate : Interrupt;
            // The first signal asks for a clean stop; a second takes the signal's default action.
            if (Interlocked.CompareExchange(ref s_signal, number, 0) == 0)
            {
                context.Cancel = true;
                stop.Cancel();
            }
        }
        return new Registrations(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal));
    }

    private sealed class Registrations(PosixSignalRegistration interrupt, PosixSignalRegistration terminate) : IDisposable
    {
        public void Dispose()
        {
            interrupt.Dispose();
            terminate.Dispose();
        }
    }
}
