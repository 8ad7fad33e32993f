namespace Tessera.Intake.Reading;

/// <summary>
/// The delivery as a whole cannot be accepted: a structural rule failed (a missing file or
/// column, an unreadable file, too many invalid rows). The message names the file, row and
/// column where known and says what was expected; nothing of the delivery is stored.
/// </summary>
public sealed class DeliveryRejectedException : Exception
{
    /// <summary>Creates the exception with a plain-language reason.</summary>
    public DeliveryRejectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DeliveryRejectedException()
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public DeliveryRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
