namespace Tessera.Storage.Payments;

/// <summary>
/// A payment period or statement is approved already, so it cannot be run or approved again:
/// later changes to it come as adjustments in a later statement.
/// </summary>
public sealed class StatementLockedException : Exception
{
    /// <summary>Creates the exception with a plain-language message.</summary>
    public StatementLockedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public StatementLockedException()
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public StatementLockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
