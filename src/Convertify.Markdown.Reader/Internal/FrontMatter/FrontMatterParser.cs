using System.Globalization;
using Convertify.Errors;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Convertify.Markdown.Reader.Internal.FrontMatter;

/// <summary>Reads front matter YAML into <see cref="FrontMatterValues"/> through YamlDotNet's event parser (no reflection).</summary>
internal static class FrontMatterParser
{
    /// <summary>Parses <paramref name="yaml"/>, whose first line is line <paramref name="firstLine"/> of the file at <paramref name="path"/>.</summary>
    /// <exception cref="ArticleFormatException">The YAML is invalid, or not a mapping (<see cref="FormatProblem.Malformed"/>).</exception>
    public static FrontMatterValues Parse(string path, string yaml, int firstLine)
    {
        if (SimpleFrontMatter.TryRead(yaml) is { } simple)
        {
            return simple;
        }
        var values = new FrontMatterValues();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return values;
            }
            parser.Consume<DocumentStart>();
            if (parser.Accept<Scalar>(out var empty) && empty.Value.Length == 0 && empty.Style == ScalarStyle.Plain)
            {
                // Only comments between the fences: an empty document.
                return values;
            }
            if (!parser.TryConsume<MappingStart>(out _))
            {
                var mark = parser.Current?.Start ?? Mark.Empty;
                throw Malformed(path, "it is not a mapping of keys to values", firstLine + (int)Math.Max(0, mark.Line - 1));
            }
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = parser.Consume<Scalar>().Value;
                if (parser.TryConsume<Scalar>(out var scalar))
                {
                    values.SetScalar(key, scalar.Value);
                }
                else if (parser.TryConsume<SequenceStart>(out _))
                {
                    values.SetList(key, ReadList(parser));
                }
                else
                {
                    parser.SkipThisAndNestedEvents();
                }
            }
            return values;
        }
        catch (YamlException e)
        {
            throw Malformed(path, Reason(e), firstLine + (int)Math.Max(0, e.Start.Line - 1));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some broken flow collections ("[a, b" never closed): the line is
            // that of the last event it did read.
            var line = parser.Current?.Start.Line ?? 1;
            throw Malformed(path, "a flow collection or scalar is not closed", firstLine + (int)Math.Max(0, line - 1));
        }
    }

    /// <summary>The scalars of a sequence (nested collections in it are skipped), its end consumed.</summary>
    private static List<string> ReadList(IParser parser)
    {
        var items = new List<string>();
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            if (parser.TryConsume<Scalar>(out var item))
            {
                items.Add(item.Value);
            }
            else
            {
                parser.SkipThisAndNestedEvents();
            }
        }
        return items;
    }

    /// <summary>YamlDotNet's message without its <c>(Line: …) - (Line: …): </c> prefix, on one line.</summary>
    private static string Reason(YamlException e)
    {
        var message = e.Message;
        var marks = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line", StringComparison.Ordinal) && marks > 0)
        {
            message = message[(marks + 3)..];
        }
        message = message.ReplaceLineEndings(" ").Trim().TrimEnd('.');
        return message.Length == 0 ? "a syntax error" : char.ToLowerInvariant(message[0]) + message[1..];
    }

    /// <summary>The one-line error for front matter that is not valid YAML.</summary>
    public static ArticleFormatException Malformed(string path, string reason, int line) =>
        new(path, FormatProblem.Malformed, string.Create(CultureInfo.InvariantCulture, $"front matter is not valid YAML: {reason} (line {line})"));
}
