namespace Tessera.Governance.Audit;

/// <summary>
/// The audit record for an access could not be written, so the access is refused: Tessera fails
/// closed rather than let anyone read person-level data unrecorded.
/// </summary>
public sealed class AuditUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AuditUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public AuditUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    public AuditUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
