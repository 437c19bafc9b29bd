using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Convertify.Cli;

/// <summary><c>convertify --version</c>: the version, the commit the binary was built from, and how it runs.</summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(Text);
        return ExitCodes.Success;
    }

    public override bool ClearsParseErrors => true;

    private static string Runtime =>
        RuntimeFeature.IsDynamicCodeSupported
            ? $".NET {Environment.Version} {RuntimeInformation.RuntimeIdentifier}"
            : $"native {RuntimeInformation.RuntimeIdentifier}";

    /// <summary>
    /// <c>convertify 0.1.0 (commit 1a2b3c4d5e6f; native linux-x64)</c>, or <c>(…; .NET 10.0.1 linux-x64)</c> under the
    /// runtime; the commit is the build's SourceRevisionId, which git gives at build time. Whether a user got the
    /// NativeAOT binary or the portable fallback package from <c>dotnet tool install</c> is otherwise hard to tell,
    /// and the two differ about threefold in speed.
    /// </summary>
    public static string Text
    {
        get
        {
            var assembly = typeof(VersionAction).Assembly;
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                          ?? assembly.GetName().Version?.ToString() ?? "unknown";
            var commit = assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "SourceRevisionId" && !string.IsNullOrEmpty(a.Value))?.Value;
            var build = commit is null ? "unknown commit: built without git" : $"commit {commit[..Math.Min(12, commit.Length)]}";
            return $"convertify {version} ({build}; {Runtime})";
        }
    }
}
