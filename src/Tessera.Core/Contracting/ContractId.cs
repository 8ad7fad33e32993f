using System.Text.RegularExpressions;

namespace Tessera.Core.Contracting;

/// <summary>
/// A contract's id, e.g. <c>WF01-2024</c>: 1 to 64 letters, digits, dots, dashes or underscores,
/// starting with a letter or digit, compared exactly. It appears in URLs, CSV files and payment
/// statements, so it holds no spaces and nothing that needs escaping.
/// </summary>
public readonly partial record struct ContractId
{
    private ContractId(string value) => Value = value;

    /// <summary>The id as written.</summary>
    public string Value { get; }

    /// <summary>Reads <paramref name="text"/>; false when it is not a valid id.</summary>
    public static bool TryParse(string? text, out ContractId id)
    {
        id = default;
        if (text is null || !Pattern().IsMatch(text))
        {
            return false;
        }

        id = new ContractId(text);
        return true;
    }

    /// <summary>Reads <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">It is not a valid id.</exception>
    public static ContractId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a contract id: use 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.");

    /// <inheritdoc />
    public override string ToString() => Value;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex Pattern();
}
