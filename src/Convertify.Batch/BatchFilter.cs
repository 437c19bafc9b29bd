namespace Convertify.Batch;

/// <summary>The run's filters, in the order they are applied (an article left out is counted by the first that refuses it).</summary>
internal enum BatchFilter
{
    Site,
    Language,
    Since,
    Until,
    Select,
}
