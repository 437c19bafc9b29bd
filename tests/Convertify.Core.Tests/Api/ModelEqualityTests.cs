using Convertify.Model;
using static Convertify.Core.Tests.ArticleSamples;

namespace Convertify.Core.Tests.Api;

/// <summary>Issue 23, point 3: the model compares by value, arrays included.</summary>
public sealed class ModelEqualityTests
{
    private static Article Sample(string deepText = "深处") => ArticleAssembler.Assemble(
        Metadata() with { Authors = ["记者甲"], Tags = ["政治"] },
        [
            new HeadingBlock(2, [Txt("小标题")]),
            Paragraph(Txt("正文"), new LinkInline("https://example.org", [new StrongInline([new EmphasisInline([Txt(deepText)])])])),
            new QuoteBlock([new ListBlock(true, [new ListItem([Paragraph(Txt("条目"))])], 3)]),
            new TableBlock([new TableRow([new TableCell([Txt("格")], 2)], true)], "表"),
            new FigureBlock("https://example.org/a.jpg", "", "说明", ""),
        ],
        [new RelatedLink("https://example.org/r", null)],
        [new ConversionWarning("w", "warned")]);

    [Fact]
    public void Two_builds_of_the_same_article_are_equal_with_equal_hash_codes()
    {
        var one = Sample();
        var two = Sample();

        one.ShouldNotBeSameAs(two);
        (one == two).ShouldBeTrue();
        one.Equals((object)two).ShouldBeTrue();
        one.GetHashCode().ShouldBe(two.GetHashCode());
        one.Metadata.GetHashCode().ShouldBe(two.Metadata.GetHashCode());
        one.Body[1].GetHashCode().ShouldBe(two.Body[1].GetHashCode());
    }

    [Fact]
    public void One_changed_inline_deep_in_the_body_makes_them_unequal()
    {
        var one = Sample();
        var other = Sample("别处");

        (one == other).ShouldBeFalse();
        (one.Body[1] == other.Body[1]).ShouldBeFalse();
        (one.Body[0] == other.Body[0]).ShouldBeTrue();
        // The statistics differ here too; with the same statistics, the body alone still decides.
        (one == (other with { Statistics = one.Statistics, Metadata = one.Metadata })).ShouldBeFalse();
    }

    [Fact]
    public void Metadata_arrays_compare_by_elements_and_a_default_array_equals_an_empty_one()
    {
        (Metadata() with { Authors = ["甲"] } == Metadata() with { Authors = ["甲"] }).ShouldBeTrue();
        (Metadata() with { Authors = ["甲"] } == Metadata() with { Authors = ["乙"] }).ShouldBeFalse();
        (Metadata() with { Tags = default } == Metadata() with { Tags = [] }).ShouldBeTrue();
    }

    [Fact]
    public void Articles_work_as_dictionary_keys_and_in_a_hash_set()
    {
        var set = new HashSet<Article> { Sample(), Sample(), Sample("别处") };
        set.Count.ShouldBe(2);
        set.ShouldContain(Sample());

        var titles = new Dictionary<Block, string> { [Sample().Body[2]] = "quote" };
        titles[Sample().Body[2]].ShouldBe("quote");
    }

    [Fact]
    public void Every_array_holding_record_compares_by_value()
    {
        Block[] blocks =
        [
            Paragraph(Txt("a")), new HeadingBlock(1, [Txt("a")]), new QuoteBlock([Paragraph(Txt("a"))]),
            new ListBlock(false, [new ListItem([Paragraph(Txt("a"))])]), new TableBlock([new TableRow([new TableCell([Txt("a")])], false)]),
        ];
        Block[] again =
        [
            Paragraph(Txt("a")), new HeadingBlock(1, [Txt("a")]), new QuoteBlock([Paragraph(Txt("a"))]),
            new ListBlock(false, [new ListItem([Paragraph(Txt("a"))])]), new TableBlock([new TableRow([new TableCell([Txt("a")])], false)]),
        ];
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i].ShouldBe(again[i]);
            blocks[i].GetHashCode().ShouldBe(again[i].GetHashCode());
            blocks[i].ShouldNotBe(again[(i + 1) % again.Length]);
        }
        ((Inline)new StrongInline([Txt("a")])).ShouldNotBe(new EmphasisInline([Txt("a")]));
    }
}
