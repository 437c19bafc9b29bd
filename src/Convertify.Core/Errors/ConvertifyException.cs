namespace Convertify.Errors;

/// <summary>Base type of the errors Convertify reports to its callers.</summary>
public class ConvertifyException : Exception
{
    /// <summary>Creates an error with a message.</summary>
    public ConvertifyException(string message) : base(message) { }

    /// <summary>Creates an error with a message and a cause.</summary>
    public ConvertifyException(string message, Exception? innerException) : base(message, innerException) { }
}
