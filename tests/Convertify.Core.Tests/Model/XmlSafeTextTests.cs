using Convertify.Text;

namespace Convertify.Core.Tests.Model;

public sealed class XmlSafeTextTests
{
    [Fact]
    public void Removes_controls_and_lone_surrogates_and_keeps_pairs()
    {
        var text = "a\u0001b\u0008c\td\ne\uD800f\uDC00g😀h\uFFFE";
        XmlSafeText.Clean(text, out var removed).ShouldBe("abc\td\nefg😀h");
        removed.ShouldBe(5);
    }

    [Fact]
    public void Returns_safe_text_unchanged()
    {
        const string text = "正常文本 with émojis 😀";
        XmlSafeText.Clean(text).ShouldBeSameAs(text);
        XmlSafeText.IsSafe(text).ShouldBeTrue();
    }
}
