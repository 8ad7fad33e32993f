namespace Tessera.Storage.Releases;

/// <summary>A release the agreements do not allow, with every reason (the attempt is in the audit log).</summary>
public sealed class ReleaseRefusedException : Exception
{
    /// <summary>Creates the exception from the reasons.</summary>
    public ReleaseRefusedException(IReadOnlyList<string> reasons)
        : base("The release is refused:\n" + string.Join("\n", (reasons ?? []).Select(r => "  - " + r))) => Reasons = reasons ?? [];

    /// <summary>Creates the exception with one reason.</summary>
    public ReleaseRefusedException(string reason)
        : this([reason])
    {
    }

    /// <summary>Creates the exception without reasons.</summary>
    public ReleaseRefusedException()
        : this([])
    {
    }

    /// <summary>Creates the exception with one reason and its cause.</summary>
    public ReleaseRefusedException(string message, Exception innerException)
        : base(message, innerException) => Reasons = [message];

    /// <summary>Each reason, in plain language.</summary>
    public IReadOnlyList<string> Reasons { get; }
}
