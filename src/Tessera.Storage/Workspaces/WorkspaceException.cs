namespace Tessera.Storage.Workspaces;

/// <summary>A workspace cannot be created or opened as asked (it exists already, is missing, or its key is wrong).</summary>
public sealed class WorkspaceException : Exception
{
    /// <summary>Creates the exception with a plain-language message.</summary>
    public WorkspaceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public WorkspaceException()
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public WorkspaceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
