namespace Convertify.Word;

/// <summary>A download was refused because its host is, or resolves only to, non-public addresses.</summary>
internal sealed class RefusedAddressException(string message) : IOException(message);
