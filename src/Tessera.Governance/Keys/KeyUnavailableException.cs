namespace Tessera.Governance.Keys;

/// <summary>A key needed to read or write identifiers is missing, malformed or the wrong one.</summary>
public sealed class KeyUnavailableException : Exception
{
    /// <summary>Creates the exception with a plain-language message.</summary>
    public KeyUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public KeyUnavailableException()
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public KeyUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
