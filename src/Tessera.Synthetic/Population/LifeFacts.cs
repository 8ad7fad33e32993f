namespace Tessera.Synthetic.Population;

/// <summary>
/// What happened to a person in one agency that changes what happens in another: the channel
/// through which planted cross-agency effects (training → earnings, subsidy → employment,
/// prison → lost earnings) reach the wage records.
/// </summary>
internal sealed class LifeFacts
{
    /// <summary>Job-training exits: exit date and whether the programme was completed.</summary>
    public List<(DateOnly Exit, bool Completed)> TrainingExits { get; } = [];

    /// <summary>First day of a child-care subsidy for this parent, if any.</summary>
    public DateOnly? SubsidyStart { get; set; }

    /// <summary>Prison stays: admission and release.</summary>
    public List<(DateOnly Admitted, DateOnly Released)> Incarcerations { get; } = [];

    public bool OnBenefits { get; set; }
}
