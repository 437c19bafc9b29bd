namespace Convertify.Cli;

/// <summary>Process exit codes.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int BadInput = 1;
    public const int Usage = 2;
    public const int Cancelled = 130;

    /// <summary>128 + SIGTERM: a run stopped by SIGTERM, as a shell reports a process it ended.</summary>
    public const int Terminated = 143;
}
