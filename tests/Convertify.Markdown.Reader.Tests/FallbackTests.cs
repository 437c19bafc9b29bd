using Convertify.Errors;
using Convertify.Formats;
using Convertify.Markdown.Reader.Tests.Support;
using Convertify.Model;

namespace Convertify.Markdown.Reader.Tests;

public sealed class FallbackTests
{
    [Fact]
    public void MissingTitleWarnsAndTakesTheFirstHeading()
    {
        var article = Fixtures.Read("no-title.md");
        article.Metadata.Title.ShouldBe("The First Heading");
        article.Warnings.Select(w => w.Code).ShouldBe(["markdown.title_missing"]);
        article.Metadata.Published.Precision.ShouldBe(DatePrecision.Day);
        article.Metadata.Tags.ShouldBe(["untitled"]);
    }

    [Fact]
    public void MissingTitleWithoutHeadingTakesTheFileName()
    {
        var article = Fixtures.ReadText("---\ndate: 2024-01-01\n---\n\nJust text.\n", "drafts/my-note.md");
        article.Metadata.Title.ShouldBe("my-note");
        article.Warnings.Single().Code.ShouldBe("markdown.title_missing");
    }

    [Fact]
    public void MissingDateWarnsAndIsTheEpochNeverTheFileTime()
    {
        var path = Fixtures.Path("no-date.md");
        var article = Fixtures.Read("no-date.md");
        article.Metadata.Published.ShouldBe(new PublishedTime(DateTimeOffset.UnixEpoch, DateSource.Unknown, DatePrecision.Second, null));
        article.Metadata.FeedTime.ShouldBe(DateTimeOffset.UnixEpoch);
        article.Warnings.Select(w => w.Code).ShouldBe(["markdown.date_missing"]);
        File.GetLastWriteTimeUtc(path).ShouldNotBe(DateTime.UnixEpoch);
    }

    [Fact]
    public void AnUnreadableDateWarnsWithTheText()
    {
        var article = Fixtures.ReadText("---\ntitle: t\ndate: next tuesday\n---\n\ntext\n");
        article.Metadata.Published.Source.ShouldBe(DateSource.Unknown);
        article.Warnings.Single().Message.ShouldContain("next tuesday");
    }

    [Fact]
    public void NoFrontMatterStillReadsTheBody()
    {
        var article = Fixtures.ReadText("# Heading Only\n\nA paragraph.\n", "notes.md");
        article.Metadata.Title.ShouldBe("Heading Only");
        article.Warnings.Select(w => w.Code).ShouldBe(["markdown.front_matter_missing", "markdown.title_missing", "markdown.date_missing"]);
        article.Body.Length.ShouldBe(2);
    }

    [Fact]
    public void BadYamlIsOneLineMalformedErrorWithTheFileLine()
    {
        var path = Fixtures.Path("bad-yaml.md");
        var error = Should.Throw<ArticleFormatException>(() => RoundTrip.Reader.Read(ArticleInput.FromFile(path)));
        error.Problem.ShouldBe(FormatProblem.Malformed);
        error.Detail.ShouldStartWith("front matter is not valid YAML: ");
        // The tags line opens the flow list that is never closed.
        error.Detail.ShouldEndWith("(line 4)");
        error.Message.ShouldNotContain('\n');
        error.Message.ShouldStartWith(path + ": ");
    }

    [Fact]
    public void AnUnterminatedQuoteNamesItsLine()
    {
        var error = Should.Throw<ArticleFormatException>(() => Fixtures.ReadText("---\ntitle: ok\ndate: 2024-01-01\nauthor: \"open\n---\n\ntext\n"));
        error.Problem.ShouldBe(FormatProblem.Malformed);
        error.Detail.ShouldMatch(@"^front matter is not valid YAML: .+ \(line [45]\)$");
    }

    [Fact]
    public void AnUnclosedFenceIsMalformed()
    {
        var error = Should.Throw<ArticleFormatException>(() => Fixtures.ReadText("---\ntitle: never closed\n\nbody text\n"));
        error.Problem.ShouldBe(FormatProblem.Malformed);
        error.Detail.ShouldBe("front matter is not valid YAML: the closing --- line is missing (line 1)");
    }

    [Fact]
    public void FrontMatterThatIsNotAMappingIsMalformed()
    {
        var error = Should.Throw<ArticleFormatException>(() => Fixtures.ReadText("---\n- just\n- a list\n---\n\ntext\n"));
        error.Problem.ShouldBe(FormatProblem.Malformed);
        error.Detail.ShouldEndWith("(line 2)");
    }

    [Fact]
    public void InvalidUtf8IsAnEncodingError() =>
        Should.Throw<ArticleFormatException>(() => RoundTrip.Reader.Read(new ArticleInput("x.md", new byte[] { (byte)'-', (byte)'-', (byte)'-', (byte)'\n', 0xFF, 0xFE })))
            .Problem.ShouldBe(FormatProblem.InvalidEncoding);

    [Theory]
    [InlineData(">", 5000)]
    [InlineData("- ", 3000)]
    public void NestingPastMarkdigsLimitIsALimitError(string marker, int depth)
    {
        var error = Should.Throw<ArticleFormatException>(() => Fixtures.ReadText("---\ntitle: t\n---\n\n" + string.Concat(Enumerable.Repeat(marker, depth)) + "deep\n"));
        error.Problem.ShouldBe(FormatProblem.LimitExceeded);
    }
}
