namespace Convertify.Fuzz.Replay;

/// <summary>How one replayed input went: the time taken and, when it failed, why.</summary>
internal sealed record ReplayOutcome(TimeSpan Elapsed, string? Problem)
{
    public bool Passed => Problem is null;
}
