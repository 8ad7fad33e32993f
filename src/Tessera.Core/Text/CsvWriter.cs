using System.Globalization;

namespace Tessera.Core.Text;

/// <summary>
/// Writes CSV the one way Tessera writes it, from the web app and the command line alike: RFC 4180
/// quoting, <c>\n</c> line ends, invariant numbers, dates as <c>yyyy-MM-dd</c>. Tables meant for
/// people also have <b>spreadsheet formulas neutralised</b>: a cell starting with <c>= + - @</c>, a
/// tab or a carriage return that is not a number gets a leading apostrophe, so a value that came
/// from a delivered file can never run as a formula on the reader's machine. Files Tessera reads
/// back itself (a linkage run's clusters) are written with it off.
/// </summary>
public sealed class CsvWriter(TextWriter writer, bool neutraliseFormulas = true)
{
    /// <summary>Writes one line of <paramref name="cells"/>.</summary>
    public void Row(IEnumerable<object?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        writer.Write(Line(cells, neutraliseFormulas));
        writer.Write('\n');
    }

    /// <summary>Writes one line of <paramref name="cells"/>.</summary>
    public void Row(params object?[] cells) => Row((IEnumerable<object?>)cells);

    /// <summary>The line (without its end) for <paramref name="cells"/>.</summary>
    public static string Line(IEnumerable<object?> cells, bool neutraliseFormulas = true)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return string.Join(',', cells.Select(cell => Cell(cell, neutraliseFormulas)));
    }

    /// <summary>One cell as written: formatted, neutralised when asked, quoted when needed.</summary>
    public static string Cell(object? value, bool neutraliseFormulas = true)
    {
        var text = value switch
        {
            null => "",
            string s => s,
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            double x => x.ToString("R", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (neutraliseFormulas && text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal)
            && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
