namespace Convertify.Formats;

/// <summary>Writes many articles into one document (a catalogue), fed one article at a time.</summary>
public interface ICatalogWriter
{
    /// <summary>The writer's name, description and file extension.</summary>
    FormatInfo Format { get; }

    /// <summary>Starts a catalogue that is written to <paramref name="output"/> when the sink is completed.</summary>
    IArticleSink Open(Stream output, CatalogOptions? options = null);
}
