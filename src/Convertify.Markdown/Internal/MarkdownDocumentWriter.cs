namespace Convertify.Markdown.Internal;

/// <summary>
/// Writes Markdown lines inside nested containers (block quotes, list items): every line gets the containers'
/// prefixes, the first line of a list item gets its marker, and blocks are separated by one blank line.
/// </summary>
internal sealed class MarkdownDocumentWriter
{
    private readonly TextWriter _writer;
    private readonly List<Container> _containers = [];
    private bool _needsSeparator;
    private bool _anyLine;

    public MarkdownDocumentWriter(TextWriter writer)
    {
        _writer = writer;
    }

    /// <summary>Records that something (front matter) was written before the body.</summary>
    public void MarkExternalContent()
    {
        _anyLine = true;
        _needsSeparator = true;
    }

    /// <summary>Call before each block: writes the blank line that separates it from the previous one.</summary>
    public void BeginBlock()
    {
        if (_needsSeparator)
        {
            WritePrefix(blank: true);
            _writer.Write('\n');
            _needsSeparator = false;
        }
    }

    /// <summary>Call after each block.</summary>
    public void EndBlock() => _needsSeparator = true;

    /// <summary>Suppresses the blank line before the next block (between the items of a tight list).</summary>
    public void SuppressSeparator() => _needsSeparator = false;

    /// <summary>Opens a container: <paramref name="first"/> prefixes its first line, <paramref name="rest"/> every later one.</summary>
    public void Push(string first, string rest)
    {
        _containers.Add(new Container(first, rest));
        _needsSeparator = false;
    }

    /// <summary>Closes the innermost container, writing its marker alone if it held nothing (an empty list item).</summary>
    public void Pop()
    {
        var container = _containers[^1];
        if (!container.FirstUsed)
        {
            WriteLine(ReadOnlySpan<char>.Empty);
        }
        _containers.RemoveAt(_containers.Count - 1);
        _needsSeparator = true;
    }

    /// <summary>Writes one line (no line break inside) with the container prefixes.</summary>
    public void WriteLine(ReadOnlySpan<char> line)
    {
        WritePrefix(blank: line.IsEmpty);
        _writer.Write(line);
        _writer.Write('\n');
        _anyLine = true;
    }

    /// <summary>Writes text that may span several lines (split at <c>\n</c>), each with the container prefixes.</summary>
    public void WriteLines(ReadOnlySpan<char> text)
    {
        while (true)
        {
            var newline = text.IndexOf('\n');
            if (newline < 0)
            {
                WriteLine(text);
                return;
            }
            WriteLine(text[..newline]);
            text = text[(newline + 1)..];
        }
    }

    /// <summary>Ends the document: an empty document still gets its one newline.</summary>
    public void Finish()
    {
        if (!_anyLine)
        {
            _writer.Write('\n');
        }
    }

    private void WritePrefix(bool blank)
    {
        if (_containers.Count == 0)
        {
            return;
        }
        // On a blank line the prefixes lose their trailing spaces ("> " becomes ">", indentation vanishes).
        var pendingSpaces = 0;
        foreach (var container in _containers)
        {
            var prefix = container.FirstUsed ? container.Rest : container.First;
            container.FirstUsed = true;
            foreach (var c in prefix)
            {
                if (c == ' ')
                {
                    pendingSpaces++;
                    continue;
                }
                for (; pendingSpaces > 0; pendingSpaces--) _writer.Write(' ');
                _writer.Write(c);
            }
        }
        if (!blank)
        {
            for (; pendingSpaces > 0; pendingSpaces--) _writer.Write(' ');
        }
    }

    private sealed class Container(string first, string rest)
    {
        public string First { get; } = first;
        public string Rest { get; } = rest;
        public bool FirstUsed { get; set; }
    }
}
