namespace Tessera.Cli;

/// <summary>The exit codes every <c>tessera</c> command uses; scripts and CI rely on them.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>Something failed that was not the user's input (disk full, a bug).</summary>
    public const int Failure = 1;

    /// <summary>The command line or the input was invalid; nothing was changed.</summary>
    public const int InvalidInput = 2;
}
