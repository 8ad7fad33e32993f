namespace Tessera.Synthetic;

/// <summary>
/// The folder chosen for a county cannot take it: it already holds files, or it is a file.
/// Thrown before anything is written, so callers can report it as the user's input.
/// </summary>
public sealed class OutputFolderUnusableException(string message) : IOException(message);
