namespace Convertify.Model;

/// <summary>The finest unit a time was stated to.</summary>
public enum DatePrecision
{
    /// <summary>Calendar day only.</summary>
    Day,
    /// <summary>Hour and minute.</summary>
    Minute,
    /// <summary>Seconds.</summary>
    Second,
    /// <summary>Milliseconds or finer.</summary>
    Millisecond,
}
