using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point for BenchmarkDotNet: <c>dotnet run -c Release --project bench/Tessera.Bench -- --filter '*'</c>.</summary>
public partial class Program;
