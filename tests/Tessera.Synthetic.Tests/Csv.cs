using System.IO.Compression;
using System.Text;

namespace Tessera.Synthetic.Tests;

/// <summary>A small RFC 4180 reader for checking generated files (quotes, doubled quotes, commas in fields).</summary>
internal static class Csv
{
    public static List<Dictionary<string, string>> Read(string path) => Parse(File.ReadAllText(path, Encoding.UTF8));

    public static List<Dictionary<string, string>> ReadAll(string root, string source, string file) =>
        Directory.GetDirectories(Path.Combine(root, source)).Order(StringComparer.Ordinal)
            .Select(d => Path.Combine(d, file)).Where(File.Exists).SelectMany(Read).ToList();

    public static List<Dictionary<string, string>> ReadZipEntry(string zipPath, string entryName)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        var entry = zip.GetEntry(entryName) ?? throw new InvalidOperationException($"{zipPath} has no {entryName}");
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    }

    public static string[] Header(string text) => Rows(text).First();

    public static List<Dictionary<string, string>> Parse(string text)
    {
        var rows = Rows(text).ToList();
        var header = rows[0];
        return rows.Skip(1).Select(r =>
        {
            Assert.Equal(header.Length, r.Length);
            return header.Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        }).ToList();
    }

    public static IEnumerable<string[]> Rows(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                yield return fields.ToArray();
                fields.Clear();
            }
            else if (c != '\r')
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields.ToArray();
        }
    }
}
