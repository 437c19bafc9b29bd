namespace Convertify.Model;

/// <summary>Kinds of embedded media.</summary>
public enum EmbedKind
{
    /// <summary>A video.</summary>
    Video,
    /// <summary>An audio clip.</summary>
    Audio,
    /// <summary>An embedded page (iframe), e.g. a player or a map.</summary>
    Frame,
    /// <summary>A social-media post.</summary>
    Post,
}
