namespace Tessera.Synthetic.Population;

/// <summary>A street address of the synthetic county; <see cref="Unit"/> is empty for houses.</summary>
internal sealed record Address(int Number, string StreetName, int StreetType, string Unit, string City, string Zip)
{
    /// <summary>As the household would write it: "1234 Oak Street Apt 4B".</summary>
    public string Line(bool abbreviate, bool includeUnit = true)
    {
        var (full, shortForm) = NameBank.StreetTypes[StreetType];
        var line = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Number} {StreetName} {(abbreviate ? shortForm : full)}");
        return includeUnit && Unit.Length > 0 ? line + " " + Unit : line;
    }
}
