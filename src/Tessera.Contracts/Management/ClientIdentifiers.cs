using System.Text.RegularExpressions;

namespace Tessera.Contracts.Management;

/// <summary>
/// Free text that agency and provider staff write for each other — frontline reports, comments on
/// action items — is read beyond the writer's agency, so it must not carry what could identify a
/// client: a social security, case or phone number, a date of birth, an e-mail address.
/// </summary>
public static partial class ClientIdentifiers
{
    /// <summary>True when <paramref name="text"/> holds something that looks like a client identifier.</summary>
    public static bool LikelyIn(string text) => Pattern().IsMatch(text);

    [GeneratedRegex(@"\d{3}-?\d{2}-?\d{4}|\d{5,}|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\S+@\S+\.\S+|\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}")]
    private static partial Regex Pattern();
}
