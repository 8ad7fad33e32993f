namespace Tessera.Contracts.Files;

/// <summary>
/// A providers or contracts file that cannot be used, with every problem found — each naming the
/// line and the field, e.g. <c>providers.yaml line 9, providers[1].identifiers[0].source: expected
/// one of the workspace's sources (benefits, workforce …), found 'wrkforce'</c>. Nothing was stored.
/// </summary>
public sealed class ContractingFileException : Exception
{
    /// <summary>Creates the exception for <paramref name="file"/> with <paramref name="problems"/>.</summary>
    public ContractingFileException(string file, IReadOnlyList<string> problems)
        : base(Describe(file, problems))
    {
        File = file;
        Problems = problems;
    }

    /// <summary>Creates the exception.</summary>
    public ContractingFileException()
        : this("the file", [])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ContractingFileException(string message)
        : this("the file", [message])
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ContractingFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "the file";
        Problems = [message];
    }

    /// <summary>The file's name as given.</summary>
    public string File { get; }

    /// <summary>Each problem: line, field, what was expected and found.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Describe(string file, IReadOnlyList<string> problems) =>
        problems.Count == 1 ? $"{file} {problems[0]}" : $"{file} has {problems.Count} problems; nothing was stored:\n" + string.Join("\n", problems.Select(p => $"  {file} {p}"));
}
