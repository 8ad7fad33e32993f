using System.Text.RegularExpressions;

namespace Tessera.Core.Contracting;

/// <summary>
/// A provider's id in the registry, e.g. <c>WF01</c>: 1 to 64 letters, digits, dots, dashes or
/// underscores, starting with a letter or digit, compared exactly. Agencies' own codes for the
/// provider (a workforce <c>provider_id</c>, an HMIS <c>ProjectID</c>) map to it through the
/// crosswalk; this id is the one contracts, targets and payments name.
/// </summary>
public readonly partial record struct ProviderId
{
    private ProviderId(string value) => Value = value;

    /// <summary>The id as written.</summary>
    public string Value { get; }

    /// <summary>Reads <paramref name="text"/>; false when it is not a valid id.</summary>
    public static bool TryParse(string? text, out ProviderId id)
    {
        id = default;
        if (text is null || !Pattern().IsMatch(text))
        {
            return false;
        }

        id = new ProviderId(text);
        return true;
    }

    /// <summary>Reads <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">It is not a valid id.</exception>
    public static ProviderId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a provider id: use 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.");

    /// <inheritdoc />
    public override string ToString() => Value;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex Pattern();
}
