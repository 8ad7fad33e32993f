namespace Tessera.Governance.Releases;

/// <summary>What k-anonymity made of a release's quasi-identifiers.</summary>
/// <param name="Levels">The level chosen for each quasi-identifier (0: as it was).</param>
/// <param name="Rows">Every row's generalised values, in the input's order (suppressed rows too, for the record).</param>
/// <param name="Suppressed">The indexes of the rows left out: their class stayed smaller than k.</param>
/// <param name="Loss">The information lost: mean generalisation height plus the share suppressed (0 is none).</param>
/// <param name="Classes">How many equivalence classes the kept rows form.</param>
/// <param name="Search">How the levels were found: every node of the lattice, or Datafly.</param>
public sealed record KAnonymousRelease(IReadOnlyList<int> Levels, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<int> Suppressed, double Loss, int Classes, string Search);
