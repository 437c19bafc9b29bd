namespace Convertify.Formats;

/// <summary>Writes the articles an editor chose as one document to read (a dossier), fed one article at a time.</summary>
public interface IDossierWriter
{
    /// <summary>The writer's name, description and file extension.</summary>
    FormatInfo Format { get; }

    /// <summary>Starts a dossier that is written to <paramref name="output"/> when the sink is completed.</summary>
    IArticleSink Open(Stream output, DossierOptions? options = null);
}
