using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Convertify.Cli;

/// <summary><c>convertify --version</c>: the version, and the commit the binary was built from.</summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(Text);
        return ExitCodes.Success;
    }

    public override bool ClearsParseErrors => true;

    /// <summary><c>convertify 0.1.0 (commit 1a2b3c4d5e6f)</c>; the commit is the build's SourceRevisionId, which git gives at build time.</summary>
    public static string Text
    {
        get
        {
            var assembly = typeof(VersionAction).Assembly;
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                          ?? assembly.GetName().Version?.ToString() ?? "unknown";
            var commit = assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "SourceRevisionId" && !string.IsNullOrEmpty(a.Value))?.Value;
            return commit is null
                ? $"convertify {version} (unknown commit: built without git)"
                : $"convertify {version} (commit {commit[..Math.Min(12, commit.Length)]})";
        }
    }
}
