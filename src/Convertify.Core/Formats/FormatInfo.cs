namespace Convertify.Formats;

/// <summary>Names and describes a reader or writer.</summary>
/// <param name="Name">Short name used on the command line (<c>md</c>, <c>docx</c>, <c>archive</c>).</param>
/// <param name="Description">One line for people.</param>
/// <param name="Extension">File extension with the dot (<c>.md</c>).</param>
public sealed record FormatInfo(string Name, string Description, string Extension);
