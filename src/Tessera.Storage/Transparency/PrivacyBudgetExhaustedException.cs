namespace Tessera.Storage.Transparency;

/// <summary>A query that would spend more of a data set's privacy budget than is left; nothing was answered or spent.</summary>
public sealed class PrivacyBudgetExhaustedException : Exception
{
    /// <summary>Creates the exception with a plain-language message.</summary>
    public PrivacyBudgetExhaustedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PrivacyBudgetExhaustedException()
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public PrivacyBudgetExhaustedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
