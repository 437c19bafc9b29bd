namespace Convertify.Fuzz.Targets;

/// <summary>Runs a target once on a small valid article, so the JIT's first-call cost is not timed as a hang.</summary>
internal static class WarmUp
{
    private static readonly byte[] Article =
        "<!--1672331948000-->\n[Warm up](https://www.voanews.com/a/1.html)\n------\n\n<div><i>Mon, 04 Jan 2021 08:17:25 GMT</i></div><p>One <b>two</b> <a href=\"https://example.com/\">three</a>.</p><ul><li>four</li></ul><table><tr><td>five</td></tr></table>\n"u8.ToArray();

    public static IFuzzTarget Run(IFuzzTarget target)
    {
        target.Run(Article);
        return target;
    }
}
