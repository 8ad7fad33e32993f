namespace Tessera.Linkage.Input;

/// <summary>An input file for linkage cannot be used as given; the message names the file, row and column and says what was expected.</summary>
public sealed class LinkageInputException(string message) : Exception(message);
