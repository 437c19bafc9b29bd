namespace Convertify.Batch.Incremental;

/// <summary>
/// Reads a stream line by line through a buffer of its own (64 KB, larger only for a longer line). Only lines ended by
/// a newline are returned: a last line without one is a line a killed writer did not finish.
/// </summary>
internal sealed class LineReader(Stream stream) : IDisposable
{
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private int _lineStart;
    private int _lineLength;
    private bool _ended;

    /// <summary>The line the reader is on, without its newline; valid until the next <see cref="MoveNext"/>.</summary>
    public ReadOnlySpan<byte> Current => _buffer.AsSpan(_lineStart, _lineLength);

    /// <summary>Moves to the next complete line; false at the end.</summary>
    public bool MoveNext()
    {
        var searched = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(_start + searched, _end - _start - searched).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _lineStart = _start;
                _lineLength = searched + newline;
                _start += _lineLength + 1;
                return true;
            }
            searched = _end - _start;
            if (_ended)
            {
                return false;
            }
            if (_start > 0)
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                _end -= _start;
                _start = 0;
            }
            if (_end == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
            var read = stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _ended = true;
            }
            _end += read;
        }
    }

    /// <inheritdoc />
    public void Dispose() => stream.Dispose();
}
