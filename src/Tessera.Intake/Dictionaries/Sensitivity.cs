namespace Tessera.Intake.Dictionaries;

/// <summary>
/// How much harm a field can do if disclosed, which decides how it is stored and shown.
/// Example: a name is a <see cref="DirectIdentifier"/> (encrypted at rest, masked on screen);
/// a ZIP code is a <see cref="QuasiIdentifier"/> (plaintext, but it can re-identify in
/// combination and is generalised before release); a maltreatment type is
/// <see cref="SensitiveAttribute"/>.
/// </summary>
public enum Sensitivity
{
    /// <summary>Neither identifying nor sensitive, e.g. a program code.</summary>
    Other,

    /// <summary>Names, SSN, street address, phone, full birth date: encrypted from the first delivery.</summary>
    DirectIdentifier,

    /// <summary>Identifies in combination (birth year-month, ZIP, sex, race): plaintext, generalised on release.</summary>
    QuasiIdentifier,

    /// <summary>Harmful if linked to a person (health, maltreatment, offence): plaintext, access-controlled.</summary>
    SensitiveAttribute,
}
