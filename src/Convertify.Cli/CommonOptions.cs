using System.CommandLine;

namespace Convertify.Cli;

/// <summary>Options shared by every command.</summary>
internal static class CommonOptions
{
    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Print stack traces and details with errors (-v is --verbose; the version is --version).",
        Recursive = true,
    };
}
