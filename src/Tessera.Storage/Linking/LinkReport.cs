namespace Tessera.Storage.Linking;

/// <summary>What <see cref="WorkspaceLinker.Run"/> did: the run as recorded, and the sources it could not read.</summary>
/// <param name="Run">The recorded run (counts).</param>
/// <param name="Unreadable">Sources left out because their data keys were destroyed.</param>
/// <param name="Decisions">Reviewer decisions applied.</param>
public sealed record LinkReport(LinkRun Run, IReadOnlyList<string> Unreadable, int Decisions);
