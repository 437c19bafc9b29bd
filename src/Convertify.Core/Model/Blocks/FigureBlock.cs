namespace Convertify.Model;

/// <summary>An image with its caption and credit.</summary>
/// <param name="ImageUrl">Absolute URL of the original image (proxies unwrapped).</param>
/// <param name="Alt">Alternative text, empty when none.</param>
/// <param name="Caption">Caption text, empty when none.</param>
/// <param name="Credit">Credit or copyright line, empty when none.</param>
public sealed record FigureBlock(string ImageUrl, string Alt, string Caption, string Credit) : Block;
