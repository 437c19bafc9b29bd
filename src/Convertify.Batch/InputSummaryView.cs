namespace Convertify.Batch;

/// <summary>An article summary's fields where they lie in an input record, for passes that look at most of them and keep few.</summary>
internal readonly ref struct InputSummaryView(ReadOnlySpan<char> path, ReadOnlySpan<char> title, ReadOnlySpan<char> url, bool keyIsText,
    UInt128 keyValue, ReadOnlySpan<char> keyText, DateTimeOffset published, DateTimeOffset feedTime)
{
    public ReadOnlySpan<char> Path { get; } = path;

    public ReadOnlySpan<char> Title { get; } = title;

    public ReadOnlySpan<char> Url { get; } = url;

    /// <summary>Whether the content key is text (<see cref="KeyText"/>) rather than a number (<see cref="KeyValue"/>).</summary>
    public bool KeyIsText { get; } = keyIsText;

    public UInt128 KeyValue { get; } = keyValue;

    public ReadOnlySpan<char> KeyText { get; } = keyText;

    public DateTimeOffset Published { get; } = published;

    public DateTimeOffset FeedTime { get; } = feedTime;

    public bool HasContentKey => !KeyIsText || !KeyText.IsEmpty;

    public ArticleSummary ToSummary() =>
        new(new string(Path), new string(Title), new string(Url),
            KeyIsText ? new ContentKey(0, new string(KeyText)) : new ContentKey(KeyValue, null), Published, FeedTime);
}
