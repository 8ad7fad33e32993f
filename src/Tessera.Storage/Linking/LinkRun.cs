namespace Tessera.Storage.Linking;

/// <summary>What one <c>tessera link</c> run did, as recorded in the vault (counts only, no identifiers).</summary>
public sealed record LinkRun
{
    /// <summary>Run number.</summary>
    public long Id { get; init; }

    /// <summary>When it started.</summary>
    public DateTime StartedUtc { get; init; }

    /// <summary>When it finished.</summary>
    public DateTime FinishedUtc { get; init; }

    /// <summary>Who ran it.</summary>
    public string Operator { get; init; } = "";

    /// <summary>Person records linked.</summary>
    public long Records { get; init; }

    /// <summary>Persons found.</summary>
    public long Persons { get; init; }

    /// <summary>Person ids issued for the first time.</summary>
    public long Issued { get; init; }

    /// <summary>Earlier ids merged into another.</summary>
    public long Merged { get; init; }

    /// <summary>Earlier ids some of whose records moved to another person.</summary>
    public long Split { get; init; }

    /// <summary>Earlier ids none of whose records remain.</summary>
    public long Retired { get; init; }

    /// <summary>Pairs queued for clerical review.</summary>
    public long Review { get; init; }

    /// <summary>Family links found.</summary>
    public long FamilyLinks { get; init; }

    /// <summary>The deliveries linked, as "source#id" list — what a later reader needs to reproduce the run.</summary>
    public string Deliveries { get; init; } = "";

    /// <summary>The trained model, blocking analysis and distributions, as JSON (for the linkage pages' charts).</summary>
    public string SummaryJson { get; init; } = "{}";
}
