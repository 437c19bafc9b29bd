namespace Convertify.Model;

/// <summary>A block of an article body. The set of block kinds is closed: writers switch over it.</summary>
public abstract record Block;
