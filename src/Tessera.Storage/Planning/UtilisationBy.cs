namespace Tessera.Storage.Planning;

/// <summary>What utilisation is counted by.</summary>
public enum UtilisationBy
{
    /// <summary>
    /// By program: persons with an event at a provider of the program in the month, the provider
    /// found through the registry's codes (an event whose provider code no registered provider has
    /// counts for no program).
    /// </summary>
    Program,

    /// <summary>By agency (source): persons with an event in its data in the month.</summary>
    Source,
}
