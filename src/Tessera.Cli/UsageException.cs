namespace Tessera.Cli;

/// <summary>Invalid input from the user: reported in plain language with exit code 2, never with a stack trace.</summary>
public sealed class UsageException(string message) : Exception(message);
