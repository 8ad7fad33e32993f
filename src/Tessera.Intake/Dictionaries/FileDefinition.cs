namespace Tessera.Intake.Dictionaries;

/// <summary>One file of a delivery, e.g. benefits' <c>members.csv</c> or HMIS's <c>Enrollment.csv</c>.</summary>
public sealed class FileDefinition
{
    /// <summary>Name without extension; a delivered file matches when its name without extension is this (any case).</summary>
    public string Name { get; set; } = "";

    /// <summary>What one row is.</summary>
    public string Description { get; set; } = "";

    /// <summary>Whether every delivery must contain this file.</summary>
    public bool Required { get; set; } = true;

    /// <summary>
    /// Fields that identify a row. A later delivery with the same key replaces the row (an
    /// update or correction); two rows with the same key in one delivery are both quarantined.
    /// Empty: rows only accumulate (e.g. payments).
    /// </summary>
    public List<string> PrimaryKey { get; set; } = [];

    /// <summary>The fields, in the order the agency delivers them.</summary>
    public List<FieldDefinition> Fields { get; set; } = [];

    /// <summary>
    /// For change-log extracts that may carry several versions of a row in one delivery (a
    /// record created and then updated in the same month): the field that orders them, e.g.
    /// "updated_on". The latest version counts; only rows equal in key and in this field are
    /// duplicates.
    /// </summary>
    public string? LatestBy { get; set; }

    /// <summary>Fields that must name a row of another file (in this or an earlier delivery).</summary>
    public List<ReferenceDefinition> References { get; set; } = [];

    /// <summary>The field holding the source's own person identifier, if a row is about one person.</summary>
    public string? PersonKey { get; set; }

    /// <summary>Standard identity column → field, e.g. <c>given_name: first_name</c>. See <see cref="StandardIdentity"/>.</summary>
    public Dictionary<string, string> Identity { get; set; } = [];

    /// <summary>The standard column <c>sex</c> from yes/no flags (HMIS's <c>Woman</c> and <c>Man</c>), for a file that has no one sex field.</summary>
    public SexFlagsDefinition? SexFlags { get; set; }

    /// <summary>The household (case) a row belongs to and the person's role in it, if the source records one.</summary>
    public HouseholdDefinition? Household { get; set; }

    /// <summary>Family relations a row states between two people of the source.</summary>
    public List<RelationDefinition> Relations { get; set; } = [];

    /// <summary>Events a row records (an enrolment, an exit, a payment), for metrics.</summary>
    public List<EventDefinition> Events { get; set; } = [];

    /// <summary>Consistency checks reported in the quality profile.</summary>
    public List<CheckDefinition> Checks { get; set; } = [];

    /// <summary>The field named <paramref name="name"/> (exact), or null.</summary>
    public FieldDefinition? Field(string name) => Fields.Find(f => f.Name == name);

    /// <summary>A copy of this file whose field <paramref name="name"/> is replaced by <paramref name="change"/>'s result.</summary>
    public FileDefinition WithField(string name, Func<FieldDefinition, FieldDefinition> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var copy = (FileDefinition)MemberwiseClone();
        copy.Fields = [.. Fields.Select(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase) ? change(f) : f)];
        return copy;
    }
}
