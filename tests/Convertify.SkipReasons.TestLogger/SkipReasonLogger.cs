using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Client;

namespace Convertify.SkipReasons.TestLogger;

/// <summary>
/// Prints why each test was skipped. At its default (minimal) verbosity the console logger prints only
/// <c>Skipped name [1 ms]</c>, and xunit's reason reaches it only as an informational message it hides; at normal
/// verbosity it shows the reasons but also lists every passed test.
/// </summary>
[FriendlyName(FriendlyName)]
[ExtensionUri("logger://convertify/skip-reasons")]
public sealed class SkipReasonLogger : ITestLogger
{
    /// <summary>The name that enables the logger (<c>--logger skipreasons</c>, or the <c>VSTestLogger</c> property).</summary>
    public const string FriendlyName = "skipreasons";

    /// <inheritdoc />
    public void Initialize(TestLoggerEvents events, string testRunDirectory)
    {
        ArgumentNullException.ThrowIfNull(events);
        events.TestResult += (_, e) =>
        {
            if (e.Result.Outcome == TestOutcome.Skipped)
            {
                Console.Out.WriteLine(Line(e.Result.DisplayName ?? e.Result.TestCase.DisplayName, e.Result.ErrorMessage));
            }
        };
    }

    /// <summary>The line printed for a skipped test; a reason on several lines keeps its lines, indented.</summary>
    public static string Line(string test, string? reason) =>
        $"  Skip reason for {test}: {(string.IsNullOrWhiteSpace(reason) ? "(no reason given)" : reason.Trim().ReplaceLineEndings(Environment.NewLine + "    "))}";
}
