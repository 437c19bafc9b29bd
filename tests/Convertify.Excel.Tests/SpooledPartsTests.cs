using System.Text;

namespace Convertify.Excel.Tests;

public sealed class SpooledPartsTests
{
    [Fact]
    public void Parts_produced_at_once_are_taken_whole_in_any_order()
    {
        var big = string.Concat(Enumerable.Range(0, 50_000).Select(i => $"<row r=\"{i}\">港口{i}</row>"));
        using var parts = new SpooledParts([
            ("a.xml", s => s.Write(Encoding.UTF8.GetBytes(big))),
            ("b.xml", s => s.Write("<b/>"u8)),
            ("empty.xml", _ => { }),
        ]);
        Take(parts, "b.xml").ShouldBe("<b/>");
        Take(parts, "a.xml").ShouldBe(big);
        Take(parts, "empty.xml").ShouldBeEmpty();
    }

    [Fact]
    public void A_part_that_fails_throws_its_own_exception_when_taken_and_the_others_are_unharmed()
    {
        using var parts = new SpooledParts([
            ("broken.xml", s => { s.Write("<half"u8); throw new InvalidDataException("the rows ran out"); }),
            ("fine.xml", s => s.Write("<fine/>"u8)),
        ]);
        Should.Throw<InvalidDataException>(() => Take(parts, "broken.xml")).Message.ShouldBe("the rows ran out");
        Take(parts, "fine.xml").ShouldBe("<fine/>");
    }

    private static string Take(SpooledParts parts, string name)
    {
        using var output = new MemoryStream();
        parts.CopyTo(name, output);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
