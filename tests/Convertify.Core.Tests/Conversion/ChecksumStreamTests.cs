using System.Text;
using Convertify.Conversion;

namespace Convertify.Core.Tests.Conversion;

public sealed class ChecksumStreamTests
{
    private sealed class FlushCounter : MemoryStream
    {
        public int Flushes { get; private set; }

        public override void Flush()
        {
            Flushes++;
            base.Flush();
        }
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public void Passes_bytes_on_and_counts_them_and_their_crc(bool passFlush, int flushes)
    {
        var inner = new FlushCounter();
        var data = Encoding.UTF8.GetBytes("临登港的早晨 and some ASCII to checksum");
        var completed = 0;
        var stream = new ChecksumStream(inner, passFlush, disposed: s => completed += s.Length == data.Length ? 1 : 100);
        stream.Write(data, 0, 10);
        stream.Write(data.AsSpan(10));
        stream.Flush();
        stream.Length.ShouldBe(data.Length);
        stream.Crc.ShouldBe(Crc32.Compute(data));
        inner.ToArray().ShouldBe(data);
        inner.Flushes.ShouldBe(flushes);
        stream.Dispose();
        stream.Dispose();
        completed.ShouldBe(1);
        Should.Throw<ObjectDisposedException>(() => inner.WriteByte(0));
    }
}
