namespace Convertify.Model;

/// <summary>A thematic break.</summary>
public sealed record RuleBlock : Block;
