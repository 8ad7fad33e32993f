namespace Tessera.Intake.Dictionaries;

/// <summary>
/// A person's sex recorded as yes/no flags, one per gender, instead of one field: HMIS clients
/// carry <c>Woman</c> and <c>Man</c> (FY2024 on; <c>Female</c> and <c>Male</c> in FY2022), each 1
/// for yes. Linkage reads it as the standard column <c>sex</c>: female when only the female flag
/// is 1, male when only the male flag is 1, unknown otherwise (both, neither, another gender). A
/// record without sex cannot tell a Stephen from a Stephanie Miller born four days apart.
/// Example: <c>sex_flags: { female: Woman, male: Man }</c>.
/// </summary>
public sealed class SexFlagsDefinition
{
    /// <summary>Field that is 1 when the person is female (a woman).</summary>
    public string Female { get; set; } = "";

    /// <summary>Field that is 1 when the person is male (a man).</summary>
    public string Male { get; set; } = "";
}
