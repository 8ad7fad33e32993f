using Tessera.Intake.Dictionaries;
using Tessera.Intake.Hmis;
using Tessera.Intake.Reading;
using Tessera.Intake.Validation;

namespace Tessera.Fuzz;

/// <summary>
/// What the fuzzer feeds bytes to: the CSV reading and validation path, and the HMIS export
/// path (zip checks, Export.csv, version detection). A <see cref="DeliveryRejectedException"/>
/// is the expected answer to bad input; any other exception is a bug.
/// </summary>
public static class FuzzTargets
{
    private static readonly IReadOnlyList<SourceDictionary> HmisVersions = DictionaryLibrary.HmisVersions.Select(DictionaryLibrary.Load).ToList();
    private static readonly FieldValidator[] Members = DictionaryLibrary.Load("benefits").File("members")!.Fields
        .Select(f => new FieldValidator(f, new DateOnly(2026, 1, 1), reportInvalidCodes: false)).ToArray();

    /// <summary>Reads <paramref name="bytes"/> as benefits' members.csv and validates every field.</summary>
    public static void Csv(byte[] bytes)
    {
        var file = new DeliveryFile("members.csv", "members.csv", bytes.Length, () => new MemoryStream(bytes, writable: false));
        try
        {
            var scan = FileScan.Of(file);
            using var rows = CsvRowSource.Open(file, scan.Encoding, maxRowChars: 1 << 16);
            while (rows.Read())
            {
                for (var i = 0; i < Math.Min(rows.FieldCount, Members.Length); i++)
                {
                    Members[i].Check(rows.Text(i), null, out _);
                }
            }
        }
        catch (DeliveryRejectedException)
        {
        }
    }

    /// <summary>Treats <paramref name="bytes"/> as an HMIS export zip: resolves it safely and identifies its version.</summary>
    public static void Hmis(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tessera-fuzz-{Environment.ProcessId}.zip");
        File.WriteAllBytes(path, bytes);
        try
        {
            var files = DeliveryInput.Resolve([path], new ZipLimits { MaxTotalBytes = 64 << 20 });
            HmisExport.Identify(files, HmisVersions);
        }
        catch (DeliveryRejectedException)
        {
        }
        finally
        {
            File.Delete(path);
        }
    }
}
