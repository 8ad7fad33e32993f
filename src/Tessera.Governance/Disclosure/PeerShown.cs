namespace Tessera.Governance.Disclosure;

/// <summary>How a peer appears in a provider's comparison (<see cref="PeerGrouping"/>).</summary>
public enum PeerShown
{
    /// <summary>On its own, under its label.</summary>
    Alone,

    /// <summary>Only within the group of smaller providers, as part of its sum.</summary>
    Grouped,

    /// <summary>Not at all: too few peers to show any without revealing one.</summary>
    Withheld,
}
