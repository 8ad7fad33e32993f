using BenchmarkDotNet.Running;
using Tessera.Bench;

if (args is ["dice", ..])
{
    DiceThroughput.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point for BenchmarkDotNet: <c>dotnet run -c Release --project bench/Tessera.Bench -- --filter '*'</c>.</summary>
public partial class Program;
