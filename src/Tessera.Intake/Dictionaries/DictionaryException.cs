namespace Tessera.Intake.Dictionaries;

/// <summary>A data dictionary that cannot be used, with every problem found, each naming where it is.</summary>
public sealed class DictionaryException : Exception
{
    /// <summary>Creates the exception for <paramref name="origin"/> (a file name) and its problems.</summary>
    public DictionaryException(string origin, IReadOnlyList<string> problems)
        : base($"The data dictionary {origin} cannot be used:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception.</summary>
    public DictionaryException()
    {
        Problems = [];
    }

    /// <summary>Creates the exception with a message.</summary>
    public DictionaryException(string message)
        : base(message)
    {
        Problems = [message];
    }

    /// <summary>Creates the exception with a cause.</summary>
    public DictionaryException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Each problem, e.g. "files[members].fields[dob]: format 'MM/dd/yy' …".</summary>
    public IReadOnlyList<string> Problems { get; }
}
