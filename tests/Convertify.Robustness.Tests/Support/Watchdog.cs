namespace Convertify.Robustness.Tests.Support;

/// <summary>Runs work on its own thread and fails if it is not done within a generous limit (a hang, not a speed check).</summary>
internal static class Watchdog
{
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(60);

    public static T Run<T>(string what, Func<T> work, TimeSpan? limit = null)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, maxStackSize: 0) { IsBackground = true, Name = "watchdog: " + what };
        thread.Start();
        if (!thread.Join(limit ?? DefaultLimit))
        {
            Assert.Fail($"{what} did not finish within {(limit ?? DefaultLimit).TotalSeconds:0} s (hang)");
        }
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
        return result;
    }
}
