using AngleSharp.Dom;

namespace Convertify.Archive.Html;

/// <summary>Iterative text helpers (AngleSharp's own text accessors recurse, which deep nesting must not reach).</summary>
internal static class HtmlText
{
    /// <summary>True when the element's visible text has at most <paramref name="max"/> non-space characters.</summary>
    public static bool LengthAtMost(IElement element, int max)
    {
        var count = 0;
        var stack = new Stack<INode>();
        stack.Push(element);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText t)
            {
                foreach (var c in t.Data)
                {
                    if (!char.IsWhiteSpace(c) && ++count > max)
                    {
                        return false;
                    }
                }
                continue;
            }
            if (node is IElement e && HtmlNames.IsDropped(e.LocalName))
            {
                continue;
            }
            foreach (var child in node.ChildNodes)
            {
                stack.Push(child);
            }
        }
        return true;
    }
}
