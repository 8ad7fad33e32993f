namespace Tessera.Cli.Tests;

/// <summary>Runs the <c>tessera</c> command line in-process and captures what it printed.</summary>
internal static class Cli
{
    public static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await TesseraCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
