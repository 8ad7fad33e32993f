namespace Tessera.Governance.Agreements;

/// <summary>An agreements file that cannot be used; <see cref="Exception.Message"/> lists every problem with its line.</summary>
public sealed class AgreementsFileException : Exception
{
    /// <summary>Creates the exception for file <paramref name="name"/> with its <paramref name="problems"/>.</summary>
    public AgreementsFileException(string name, IReadOnlyList<string> problems)
        : base($"The agreements file {name} cannot be used:\n" + string.Join("\n", (problems ?? []).Select(p => "  - " + p)))
    {
        Problems = problems ?? [];
    }

    /// <summary>Every problem, each naming its line and key.</summary>
    public IReadOnlyList<string> Problems { get; }
}
