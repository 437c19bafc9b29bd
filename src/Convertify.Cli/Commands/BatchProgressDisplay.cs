using System.Globalization;
using Convertify.Batch;
using Spectre.Console;

namespace Convertify.Cli.Commands;

/// <summary>Draws a batch's progress: a Spectre.Console bar on a terminal, plain periodic lines when output is redirected.</summary>
internal static class BatchProgressDisplay
{
    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(2);

    /// <summary>Runs with a progress bar (count, rate, ETA) on standard error.</summary>
    public static async Task<BatchReport> RunWithBarAsync(BatchRunner runner, string input, BatchOptions options, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var latest = new LatestProgress();
        return await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("starting", maxValue: 1);
                var run = runner.RunAsync(input, options, latest, cancellationToken);
                while (!run.IsCompleted)
                {
                    Apply(task, latest.Value);
                    await Task.WhenAny(run, Task.Delay(150, CancellationToken.None)).ConfigureAwait(false);
                }
                Apply(task, latest.Value);
                task.StopTask();
                return await run.ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    /// <summary>Runs printing one plain line every two seconds to <paramref name="writer"/>.</summary>
    public static async Task<BatchReport> RunWithLinesAsync(BatchRunner runner, string input, BatchOptions options, TextWriter writer, CancellationToken cancellationToken)
    {
        var latest = new LatestProgress();
        var run = runner.RunAsync(input, options, latest, cancellationToken);
        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(LineInterval, CancellationToken.None)).ConfigureAwait(false);
            if (!run.IsCompleted && latest.Value is { } snapshot)
            {
                await writer.WriteLineAsync("convertify batch: " + Describe(snapshot)).ConfigureAwait(false);
            }
        }
        return await run.ConfigureAwait(false);
    }

    /// <summary>One line: count, rate, failures, ETA.</summary>
    public static string Describe(BatchProgress p)
    {
        var count = p.Total is { } total
            ? string.Create(CultureInfo.InvariantCulture, $"{p.Done}/{total}")
            : p.Done.ToString(CultureInfo.InvariantCulture);
        var text = string.Create(CultureInfo.InvariantCulture, $"{count} inputs, {p.Rate:0}/s");
        if (p.Failed > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", {p.Failed} failed");
        }
        if (p.Remaining is { } remaining)
        {
            text += ", ETA " + remaining.ToString(remaining.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);
        }
        return text;
    }

    private static void Apply(ProgressTask task, BatchProgress? snapshot)
    {
        if (snapshot is null)
        {
            return;
        }
        task.IsIndeterminate = snapshot.Total is null;
        task.MaxValue = Math.Max(1, snapshot.Total ?? snapshot.Done);
        task.Value = snapshot.Done;
        task.Description = Markup.Escape(Describe(snapshot));
    }

    /// <summary>Keeps the newest snapshot; safe to report from many threads, cheap enough to call per article.</summary>
    private sealed class LatestProgress : IProgress<BatchProgress>
    {
        private BatchProgress? _value;

        public BatchProgress? Value => Volatile.Read(ref _value);

        public void Report(BatchProgress value)
        {
            // Keep the furthest snapshot: workers may report out of order.
            BatchProgress? current;
            do
            {
                current = Volatile.Read(ref _value);
                if (current is not null && current.Done > value.Done)
                {
                    return;
                }
            }
            while (Interlocked.CompareExchange(ref _value, value, current) != current);
        }
    }
}
