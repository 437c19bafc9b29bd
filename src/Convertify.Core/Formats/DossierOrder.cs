namespace Convertify.Formats;

/// <summary>The order a dossier presents its articles in.</summary>
public enum DossierOrder
{
    /// <summary>By publication time, oldest first (ties by id).</summary>
    Date,
    /// <summary>By site code, then publication time.</summary>
    Site,
    /// <summary>As the articles were added (an editor's own order, e.g. the catalogue's rows).</summary>
    Input,
}
