namespace Tessera.Intake.Reading;

/// <summary>How a delivered text file is encoded, as detected from its bytes.</summary>
public enum TextEncodingKind
{
    /// <summary>UTF-8 without a byte-order mark.</summary>
    Utf8,

    /// <summary>UTF-8 with a byte-order mark (as Excel saves "CSV UTF-8").</summary>
    Utf8WithBom,

    /// <summary>Not valid UTF-8: read as Latin-1 (Windows-1252), as older mainframe and Excel exports are.</summary>
    Latin1,

    /// <summary>A binary file (Parquet), not read as text.</summary>
    Binary,
}
