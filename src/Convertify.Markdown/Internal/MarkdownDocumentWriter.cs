using System.Globalization;

namespace Convertify.Markdown.Internal;

/// <summary>
/// Writes Markdown lines inside nested containers (block quotes, list items): every line gets the containers'
/// prefixes, the first line of a list item gets its marker, and blocks are separated by one blank line.
/// </summary>
internal sealed class MarkdownDocumentWriter
{
    private static readonly string[] Spaces = [.. Enumerable.Range(0, 16).Select(n => new string(' ', n))];

    private CharBuffer _writer = null!;
    private Container[] _containers = new Container[8];
    private int _depth;
    private bool _needsSeparator;
    private bool _anyLine;

    /// <summary>Starts a document written to <paramref name="output"/> (the writer is reused between documents).</summary>
    public void Reset(CharBuffer output)
    {
        _writer = output;
        Array.Clear(_containers, 0, _depth);
        _depth = 0;
        _needsSeparator = false;
        _anyLine = false;
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
            _writer.Append('\n');
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
        if (_depth == _containers.Length)
        {
            Array.Resize(ref _containers, _depth * 2);
        }
        _containers[_depth++] = new Container(first, rest);
        _needsSeparator = false;
    }

    /// <summary>Opens a list item marked <c>number</c> + <paramref name="delimiter"/> + space, its later lines indented as deep.</summary>
    public void PushOrdered(int number, char delimiter)
    {
        var marker = number is >= 0 and < 10 ? OrderedMarkers(delimiter)[number]
            : string.Create(CultureInfo.InvariantCulture, $"{number}{delimiter} ");
        Push(marker, Spaces[marker.Length]);
    }

    private static readonly string[] DotMarkers = [.. Enumerable.Range(0, 10).Select(n => n + ". ")];
    private static readonly string[] ParenMarkers = [.. Enumerable.Range(0, 10).Select(n => n + ") ")];

    private static string[] OrderedMarkers(char delimiter) => delimiter == '.' ? DotMarkers : ParenMarkers;

    /// <summary>Closes the innermost container, writing its marker alone if it held nothing (an empty list item).</summary>
    public void Pop()
    {
        if (!_containers[_depth - 1].FirstUsed)
        {
            WriteLine(ReadOnlySpan<char>.Empty);
        }
        _containers[--_depth] = default;
        _needsSeparator = true;
    }

    /// <summary>Writes one line (no line break inside) with the container prefixes.</summary>
    public void WriteLine(ReadOnlySpan<char> line)
    {
        WritePrefix(blank: line.IsEmpty);
        _writer.Append(line);
        _writer.Append('\n');
        _anyLine = true;
    }

    /// <summary>Writes text that may span several lines (split at <c>\n</c>), each with the container prefixes.</summary>
    public void WriteLines(ReadOnlySpan<char> text)
    {
        if (_depth == 0)
        {
            // No prefixes: the lines are the text as it is.
            _writer.Append(text).Append('\n');
            _anyLine = true;
            return;
        }
        foreach (var line in text.Split('\n'))
        {
            WriteLine(text[line]);
        }
    }

    /// <summary>Ends the document: an empty document still gets its one newline.</summary>
    public void Finish()
    {
        if (!_anyLine)
        {
            _writer.Append('\n');
        }
    }

    private void WritePrefix(bool blank)
    {
        if (_depth == 0)
        {
            return;
        }
        // On a blank line the prefixes lose their trailing spaces ("> " becomes ">", indentation vanishes).
        var pendingSpaces = 0;
        for (var i = 0; i < _depth; i++)
        {
            ref var container = ref _containers[i];
            var prefix = container.FirstUsed ? container.Rest : container.First;
            container.FirstUsed = true;
            foreach (var c in prefix)
            {
                if (c == ' ')
                {
                    pendingSpaces++;
                    continue;
                }
                _writer.Append(' ', pendingSpaces);
                pendingSpaces = 0;
                _writer.Append(c);
            }
        }
        if (!blank)
        {
            _writer.Append(' ', pendingSpaces);
        }
    }

    private struct Container(string first, string rest)
    {
        public readonly string First = first;
        public readonly string Rest = rest;
        public bool FirstUsed;
    }
}
