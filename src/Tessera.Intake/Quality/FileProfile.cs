namespace Tessera.Intake.Quality;

/// <summary>The quality profile of one file of a delivery.</summary>
public sealed class FileProfile
{
    /// <summary>Dictionary file name, e.g. "members".</summary>
    public string File { get; set; } = "";

    /// <summary>Name as delivered, e.g. "members.csv".</summary>
    public string DeliveredAs { get; set; } = "";

    /// <summary>Detected text encoding.</summary>
    public string Encoding { get; set; } = "";

    /// <summary>Size in bytes.</summary>
    public long Bytes { get; set; }

    /// <summary>Rows read.</summary>
    public long RowsRead { get; set; }

    /// <summary>Rows stored.</summary>
    public long RowsAccepted { get; set; }

    /// <summary>Rows quarantined.</summary>
    public long RowsQuarantined { get; set; }

    /// <summary>Rows whose primary key appears more than once in the delivery (uniqueness).</summary>
    public long DuplicateKeyRows { get; set; }

    /// <summary>Per field: completeness, validity and (for coded fields) value frequencies.</summary>
    public List<FieldProfile> Fields { get; set; } = [];

    /// <summary>Consistency: references to rows not (yet) delivered, and the dictionary's checks.</summary>
    public List<ConsistencyFinding> Consistency { get; set; } = [];

    /// <summary>Timeliness of the file's events, if it records any.</summary>
    public Timeliness? Timeliness { get; set; }
}
