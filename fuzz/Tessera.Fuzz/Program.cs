using SharpFuzz;
using Tessera.Fuzz;

// Usage (see docs/fuzzing.md):
//   dotnet Tessera.Fuzz.dll csv|hmis            run under AFL++ (reads inputs from AFL)
//   dotnet Tessera.Fuzz.dll csv|hmis FILE...    run the target once per file (reproduce a finding)
if (args.Length == 0 || args[0] is not ("csv" or "hmis"))
{
    Console.Error.WriteLine("usage: Tessera.Fuzz csv|hmis [FILE...]");
    return 2;
}

Action<byte[]> target = args[0] == "csv" ? FuzzTargets.Csv : FuzzTargets.Hmis;
if (args.Length > 1)
{
    foreach (var file in args.Skip(1))
    {
        target(File.ReadAllBytes(file));
        Console.WriteLine($"{file}: no crash");
    }

    return 0;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target(buffer.ToArray());
});
return 0;
