using System.IO.Compression;
using System.Text;
using Tessera.Intake.Delivering;
using Tessera.Intake.Reading;
using static Tessera.Storage.Tests.Clinic;

namespace Tessera.Storage.Tests;

/// <summary>
/// Every kind of broken delivery gets a plain error naming where the problem is, and leaves the
/// workspace exactly as it was: no current delivery, no stored row, no kept raw file.
/// </summary>
public class BadInputTests
{
    private static readonly Dictionary<string, (Func<TestWorkspace, DeliveryRequest> Build, string[] Expected)> Cases = new()
    {
        ["semicolon delimiter"] = (w => Clinic(w, Patients().Replace(',', ';') + "P1;Ada;Lovelace;1985-12-10;;F\n", GoodVisits), ["patients.csv", "semicolons", "commas"]),
        ["tab delimiter"] = (w => Clinic(w, Patients().Replace(',', '\t') + "P1\tAda\tLovelace\t1985-12-10\t\tF\n", GoodVisits), ["patients.csv", "tabs"]),
        ["ragged row with too few fields"] = (w => Clinic(w, Patients("P1,Ada,Lovelace,1985-12-10,F"), GoodVisits), ["patients.csv row 2", "6 values as in the header, found 5"]),
        ["ragged row with too many fields"] = (w => Clinic(w, GoodPatients, Visits("V1,P1,2024-05-02,1,2,note,extra")), ["visits.csv row 2", "found 7"]),
        ["unterminated quote"] = (w => Clinic(w, Patients("P1,\"Ada,Lovelace,1985-12-10,,F", "P2,Alan,Turing,1972-06-23,,M"), GoodVisits), ["patients.csv row", "never closed"]),
        ["UTF-16 with byte-order mark"] = (w => Files(w, ("patients.csv", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(GoodPatients)).ToArray()), ("visits.csv", Utf8(GoodVisits))), ["patients.csv", "UTF-16", "UTF-8"]),
        ["UTF-16 big-endian with byte-order mark"] = (w => Files(w, ("patients.csv", Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(GoodPatients)).ToArray()), ("visits.csv", Utf8(GoodVisits))), ["patients.csv", "UTF-16"]),
        ["UTF-32 with byte-order mark"] = (w => Files(w, ("patients.csv", Encoding.UTF32.GetPreamble().Concat(Encoding.UTF32.GetBytes(GoodPatients)).ToArray()), ("visits.csv", Utf8(GoodVisits))), ["patients.csv", "UTF-32"]),
        ["UTF-16 without byte-order mark"] = (w => Files(w, ("patients.csv", Encoding.Unicode.GetBytes(GoodPatients)), ("visits.csv", Utf8(GoodVisits))), ["patients.csv", "NUL bytes"]),
        ["empty file"] = (w => Files(w, ("patients.csv", []), ("visits.csv", Utf8(GoodVisits))), ["patients.csv is empty", "header"]),
        ["duplicate column in header"] = (w => Clinic(w, PatientsHeader + ",sex\nP1,Ada,Lovelace,1985-12-10,,F,F\n", GoodVisits), ["patients.csv row 1", "'sex' appears 2 times"]),
        ["blank column name"] = (w => Clinic(w, PatientsHeader + ",\nP1,Ada,Lovelace,1985-12-10,,F,\n", GoodVisits), ["patients.csv row 1, column 7", "blank column name"]),
        ["missing required column"] = (w => Clinic(w, "patient_id,first_name,last_name,ssn,sex\nP1,Ada,Lovelace,,F\n", GoodVisits), ["patients.csv row 1", "dob", "missing"]),
        ["unknown column"] = (w => Clinic(w, PatientsHeader + ",religion\nP1,Ada,Lovelace,1985-12-10,,F,x\n", GoodVisits), ["patients.csv row 1", "'religion'", "not in the data dictionary"]),
        ["date that does not exist"] = (w => Clinic(w, GoodPatients, Visits("V1,P1,2023-02-30,1.00,5,")), ["visits.csv row 2, column visit_date", "a date that exists", "2023-02-30"]),
        ["date in another format"] = (w => Clinic(w, GoodPatients, Visits("V1,P1,05/02/2024,1.00,5,")), ["visits.csv row 2, column visit_date", "yyyy-MM-dd"]),
        ["future date"] = (w => Clinic(w, GoodPatients, Visits("V1,P1,2999-01-01,1.00,5,")), ["visits.csv row 2, column visit_date", "no later than the day of ingest"]),
        ["implausibly old date"] = (w => Clinic(w, GoodPatients, Visits("V1,P1,1700-01-01,1.00,5,")), ["visits.csv row 2, column visit_date", "after 1850"]),
        ["future birth date of an identifier"] = (w => Clinic(w, Patients("P1,Ada,Lovelace,2999-12-10,,F"), Visits()), ["patients.csv row 2, column dob", "(value hidden: identifier)"]),
        ["code not in the list"] = (w => Clinic(w, Patients("P1,Ada,Lovelace,1985-12-10,,X"), Visits()), ["patients.csv row 2, column sex", "one of F, M", "'X'"]),
        ["money with a currency sign"] = (w => Clinic(w, GoodPatients, Visits("V1,P1,2024-05-02,$12.00,5,")), ["visits.csv row 2, column cost", "an amount"]),
        ["money with a decimal comma"] = (w => Clinic(w, GoodPatients, Visits("V1,P1,2024-05-02,\"12,50\",5,")), ["visits.csv row 2, column cost", "'12,50'"]),
        ["money that is text"] = (w => Clinic(w, GoodPatients, Visits("V1,P1,2024-05-02,twelve,5,")), ["column cost", "'twelve'"]),
        ["money with three decimals"] = (w => Clinic(w, GoodPatients, Visits("V1,P1,2024-05-02,12.005,5,")), ["column cost", "at most two decimals"]),
        ["negative money"] = (w => Clinic(w, GoodPatients, Visits("V1,P1,2024-05-02,-5.00,5,")), ["column cost", "a number from 0"]),
        ["whole number out of range"] = (w => Clinic(w, GoodPatients, Visits("V1,P1,2024-05-02,1.00,601,")), ["column minutes", "from 0 to 600"]),
        ["whole number with a fraction"] = (w => Clinic(w, GoodPatients, Visits("V1,P1,2024-05-02,1.00,3.5,")), ["column minutes", "a whole number"]),
        ["required value missing"] = (w => Clinic(w, GoodPatients, Visits("V1,,2024-05-02,1.00,5,")), ["visits.csv row 2, column patient_id", "required"]),
        ["value longer than allowed"] = (w => Clinic(w, Patients("P1," + new string('A', 31) + ",Lovelace,1985-12-10,,F"), Visits()), ["column first_name", "at most 30 characters"]),
        ["duplicate primary keys"] = (w => Clinic(w, GoodPatients, Visits("V1,P1,2024-05-02,1.00,5,", "V1,P2,2024-05-03,1.00,5,")), ["visits.csv row 2, column visit_id", "occurs once"]),
        ["dangling reference"] = (w => Clinic(w, GoodPatients, Visits("V1,P9,2024-05-02,1.00,5,")), ["visits.csv", "broken cross-file reference", "patient_id"]),
        ["file the dictionary does not know"] = (w => Files(w, ("patients.csv", Utf8(GoodPatients)), ("visits.csv", Utf8(GoodVisits)), ("billing.csv", Utf8("a\n1\n"))), ["billing.csv", "is not a file of clinic", "wrong file set"]),
        ["required file missing"] = (w => Files(w, ("patients.csv", Utf8(GoodPatients))), ["lacks required file(s) visits.csv", "wrong file set"]),
        ["same file twice"] = (w => new DeliveryRequest { Source = "clinic", Period = "2024-05", Paths = [Clinic(w, GoodPatients, GoodVisits).Paths[0], Path.Combine(Clinic(w, GoodPatients, GoodVisits).Paths[0], "patients.csv")] }, ["two files named patients.csv"]),
        ["period that is not a month"] = (w => new DeliveryRequest { Source = "clinic", Period = "2024-13", Paths = [Path.Combine(Clinic(w, GoodPatients, GoodVisits).Paths[0], "patients.csv"), Path.Combine(Clinic(w, GoodPatients, GoodVisits).Paths[0], "visits.csv")] }, ["--period '2024-13'", "YYYY-MM"]),
        ["no period and no month folder"] = (w => new DeliveryRequest { Source = "clinic", Paths = [w.WriteFolder("undated", ("patients.csv", Utf8(GoodPatients)), ("visits.csv", Utf8(GoodVisits)))] }, ["--period YYYY-MM"]),
        ["path that does not exist"] = (w => new DeliveryRequest { Source = "clinic", Period = "2024-05", Paths = [Path.Combine(w.Root, "nowhere")] }, ["does not exist"]),
        ["zip with a path traversal entry"] = (w => Zip(w, ("../patients.csv", Utf8(GoodPatients)), ("visits.csv", Utf8(GoodVisits))), ["path traversal", "not read"]),
        ["zip with an absolute path entry"] = (w => Zip(w, ("/etc/patients.csv", Utf8(GoodPatients)), ("visits.csv", Utf8(GoodVisits))), ["path traversal"]),
        ["nested zip"] = (w => Zip(w, ("patients.csv", Utf8(GoodPatients)), ("visits.csv", Utf8(GoodVisits)), ("more.zip", ZipBytes(("x.csv", Utf8("a\n"))))), ["nested archives are not accepted"]),
        ["zip bomb by compression ratio"] = (w => Zip(w, ("patients.csv", new byte[64 << 20]), ("visits.csv", Utf8(GoodVisits))), ["zip bomb limit"]),
        ["zip that is damaged"] = (w => Files(w, ("export.zip", [(byte)'P', (byte)'K', 3, 4, 1, 2, 3])), ["not a readable zip"]),
        ["a single line of over 1 GB"] = (w => new DeliveryRequest { Source = "clinic", Period = "2024-05", Files = [Huge(), new DeliveryFile("visits.csv", "visits.csv", GoodVisits.Length, () => new MemoryStream(Utf8(GoodVisits)))] }, ["patients.csv", "longer than the limit"]),
        ["parquet file that is not parquet"] = (w => Files(w, ("patients.parquet", Utf8("not parquet at all")), ("visits.csv", Utf8(GoodVisits))), ["patients.parquet", "not a readable Parquet file"]),
        // Parquet.Net 6.1 reads a footer that ends inside a number for ever (it never notices the end of its buffer).
        ["parquet file whose footer ends inside a number"] = (w => Files(w, ("patients.parquet", ParquetWithFooter(0x15, 0x80)), ("visits.csv", Utf8(GoodVisits))), ["patients.parquet", "not a readable Parquet file", "ends in the middle of its metadata"]),
        ["parquet file whose footer is longer than the file"] = (w => Files(w, ("patients.parquet", [.. "PAR1"u8, 0x15, 0x02, 0xFF, 0xFF, 0, 0, .. "PAR1"u8]), ("visits.csv", Utf8(GoodVisits))), ["patients.parquet", "footer claims 65,535 bytes"]),
        ["file mixing UTF-8 with other bytes"] = (w => Files(w, ("patients.csv", [.. Utf8(Patients("P1,José,Lovelace,1985-12-10,,F")), .. Encoding.Latin1.GetBytes("P2,Muñoz,Turing,1972-06-23,,M\n")]), ("visits.csv", Utf8(GoodVisits))), ["patients.csv mixes UTF-8 with bytes that are not UTF-8", "byte offset 81", "line 3"]),
        ["period in the far future"] = (w => new DeliveryRequest { Source = "clinic", Period = "9999-12", Paths = Clinic(w, GoodPatients, GoodVisits).Paths }, ["--period 9999-12 is after", "Check the period"]),
        ["period before the workspace's earliest month"] = (w => new DeliveryRequest { Source = "clinic", Period = "0001-01", Paths = Clinic(w, GoodPatients, GoodVisits).Paths }, ["--period 0001-01 is before 2000-01", "earliest_period"]),
        ["month folder in the future"] = (w => new DeliveryRequest { Source = "clinic", Paths = [Delivery(w, Utf8(GoodPatients), Utf8(GoodVisits), "2099-01")] }, ["The folder name 2099-01 is after"]),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Bad_input_is_rejected_with_a_clear_error_and_nothing_is_written(string name)
    {
        using var workspace = NewWorkspace();
        var (build, expected) = Cases[name];
        var outcome = workspace.Ingest(build(workspace));

        Assert.Equal(DeliveryOutcome.Rejected, outcome.Status);
        foreach (var fragment in expected)
        {
            Assert.Contains(fragment, outcome.RejectionReason, StringComparison.Ordinal);
        }

        var vault = workspace.Workspace.Vault;
        Assert.All(vault.Deliveries(), d => Assert.Equal("rejected", d.Status));
        foreach (var file in new[] { "patients", "visits" })
        {
            if (TableExists(workspace, file))
            {
                Assert.Equal(0, CountAllRows(workspace, file));
            }
        }

        var raw = Path.Combine(workspace.Folder, "raw");
        Assert.True(!Directory.Exists(raw) || Directory.GetFiles(raw, "*", SearchOption.AllDirectories).Length == 0);
    }

    [Fact]
    public void There_are_at_least_forty_bad_input_cases() => Assert.True(Cases.Count >= 40, $"{Cases.Count} cases");

    private static DeliveryRequest Clinic(TestWorkspace workspace, string patients, string visits) =>
        new() { Source = "clinic", Paths = [Delivery(workspace, Utf8(patients), Utf8(visits))] };

    private static DeliveryRequest Files(TestWorkspace workspace, params (string, byte[])[] files) =>
        new() { Source = "clinic", Period = "2024-05", Paths = [workspace.WriteFolder(Guid.NewGuid().ToString("N")[..8], files)] };

    private static DeliveryRequest Zip(TestWorkspace workspace, params (string Name, byte[] Content)[] entries)
    {
        var path = Path.Combine(workspace.Root, Guid.NewGuid().ToString("N")[..8] + ".zip");
        File.WriteAllBytes(path, ZipBytes(entries));
        return new DeliveryRequest { Source = "clinic", Period = "2024-05", Paths = [path] };
    }

    private static byte[] ZipBytes(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A Parquet file whose footer (its metadata) is <paramref name="footer"/>.</summary>
    private static byte[] ParquetWithFooter(params byte[] footer) =>
        [.. "PAR1"u8, .. footer, .. BitConverter.GetBytes(footer.Length), .. "PAR1"u8];

    private static DeliveryFile Huge()
    {
        const long length = (1L << 30) + (64 << 20);
        return new DeliveryFile("patients.csv", "patients.csv", length, () => new LongLineStream(Utf8(PatientsHeader + "\n"), length));
    }

    private static bool TableExists(TestWorkspace workspace, string file)
    {
        using var connection = ((Vault.DuckDbVault)workspace.Workspace.Vault).OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'clinic' AND table_name = '{file}_rows'";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static long CountAllRows(TestWorkspace workspace, string file)
    {
        using var connection = ((Vault.DuckDbVault)workspace.Workspace.Vault).OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM clinic.{file}_rows";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A header, then one line of <c>a</c>s with no end, generated on the fly (nothing stored).</summary>
    private sealed class LongLineStream(byte[] header, long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++)
            {
                var at = _position + i;
                buffer[offset + i] = at < header.Length ? header[at] : (byte)'a';
            }

            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
