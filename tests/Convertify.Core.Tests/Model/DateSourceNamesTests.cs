using Convertify.Model;

namespace Convertify.Core.Tests.Model;

public sealed class DateSourceNamesTests
{
    [Fact]
    public void Every_source_has_its_own_name_and_the_name_reads_back_as_that_source()
    {
        var names = Enum.GetValues<DateSource>().Select(DateSourceNames.Of).ToList();
        names.ShouldBeUnique();
        foreach (var source in Enum.GetValues<DateSource>())
        {
            DateSourceNames.TryParse(DateSourceNames.Of(source), out var read).ShouldBeTrue();
            read.ShouldBe(source);
        }
        DateSourceNames.Of(DateSource.FeedItem).ShouldBe("feed_item");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Feed_Item")]
    [InlineData("yesterday")]
    public void Other_text_is_not_a_source(string? name) =>
        DateSourceNames.TryParse(name, out _).ShouldBeFalse();
}
