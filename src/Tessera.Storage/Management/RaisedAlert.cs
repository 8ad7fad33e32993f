using Tessera.Contracts.Monitoring;

namespace Tessera.Storage.Management;

/// <summary>An alert as the register keeps it: its number, the contract's program, and where it stands.</summary>
/// <param name="Id">The alert's number (stable while the figures raise it).</param>
/// <param name="Alert">What fired, where and why.</param>
/// <param name="Program">The contract's program.</param>
/// <param name="Status">open, acknowledged or closed.</param>
/// <param name="Note">What whoever acknowledged or closed it wrote.</param>
/// <param name="UpdatedBy">Who acknowledged or closed it.</param>
/// <param name="RaisedUtc">When the register first saw it.</param>
public sealed record RaisedAlert(long Id, Alert Alert, string Program, string Status, string? Note, string? UpdatedBy, DateTime RaisedUtc)
{
    /// <summary>True unless closed.</summary>
    public bool IsOpen => Status != Alerts.Closed;
}
