using Convertify.Batch.Tests.Fakes;
using Convertify.Conversion;
using Convertify.Testing;

namespace Convertify.Cli.Tests;

/// <summary>
/// Runs the command line in this process, with the formats the tool registers plus <see cref="LinesTestReader"/> (a
/// reader of inputs holding many articles), capturing standard output and error. One run at a time: the console's
/// writers are the process's. Paths given to it should be absolute (the current folder is the process's too).
/// </summary>
internal static class InProcessCli
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static Converter CreateConverter(CliFormatOptions options) =>
        new ConverterBuilder()
            .AddArchiveReader()
            .AddReader(new LinesTestReader())
            .AddMarkdown()
            .AddWord(options.Word)
            .AddExcel()
            .Build();

    public static async Task<ProcessRunner.Result> RunAsync(params string[] arguments)
    {
        await Gate.WaitAsync();
        var (output, error) = (Console.Out, Console.Error);
        try
        {
            using var stdout = new MemoryStream();
            using var text = new StringWriter();
            using var errors = new StringWriter();
            Console.SetOut(text);
            Console.SetError(errors);
            var host = new CliHost(CreateConverter, () => new KeepOpenStream(stdout));
            var exit = await CliApplication.RunAsync(arguments, host);
            return new ProcessRunner.Result(exit, text + System.Text.Encoding.UTF8.GetString(stdout.ToArray()), errors.ToString());
        }
        finally
        {
            Console.SetOut(output);
            Console.SetError(error);
            Gate.Release();
        }
    }

    /// <summary>The captured output survives the command closing its standard output.</summary>
    private sealed class KeepOpenStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
