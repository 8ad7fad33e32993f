using System.Globalization;

namespace Tessera.Metrics.Hud;

/// <summary>
/// HUD's System Performance Measures laid out as HUD's report files: counts from
/// <see cref="SpmQuery"/> become cells, and the derived cells (first-time counts, percentages,
/// totals) are computed here. Implemented: measures 1a, 1b, 2, 3.2, 4.1–4.6, 5.1, 5.2, 7a.1, 7b.1 and 7b.2 (current
/// fiscal year columns). Specification: HUD SPM programming specifications FY2022 (the Data Lab test
/// kit's year), with FY2024 destination codes accepted alike.
/// </summary>
public static class SpmReport
{
    /// <summary>The programming specifications the report follows.</summary>
    public const string Specification = "HUD System Performance Measures programming specifications FY2022 (destination codes of FY2024 accepted)";

    private static readonly (string Kind, int Row, string Label)[] ReturnRows =
    [
        ("so", 2, "Exit was from SO"), ("es", 3, "Exit was from ES"), ("th", 4, "Exit was from TH"), ("sh", 5, "Exit was from SH"), ("ph", 6, "Exit was from PH"),
    ];

    /// <summary>Lays out the cells from the counts the query returned (table, cell, count).</summary>
    public static IReadOnlyList<SpmCell> Cells(IEnumerable<(string Table, string Cell, long Count)> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var n = counts.ToDictionary(c => (c.Table, c.Cell), c => c.Count);
        long N(string table, string cell) => n.GetValueOrDefault((table, cell));
        var cells = new List<SpmCell>();
        void Add(string table, string cell, long value, string label) => cells.Add(new SpmCell(table, cell, value.ToString(CultureInfo.InvariantCulture), label));
        void Percent(string table, string cell, long part, long whole, string format, string label) =>
            cells.Add(new SpmCell(table, cell, (whole == 0 ? 0m : Math.Round(100m * part / whole, 2)).ToString(format, CultureInfo.InvariantCulture) + "%", label));

        LengthOfTime(counts, cells);
        Returns(n, cells);

        Add("3.2", "C2", N("3.2", "C2"), "Universe: unduplicated total sheltered persons");
        Add("3.2", "C3", N("3.2", "C3"), "Emergency shelter total");
        Add("3.2", "C4", N("3.2", "C4"), "Safe haven total");
        Add("3.2", "C5", N("3.2", "C5"), "Transitional housing total");

        foreach (var (table, adults, income) in new[]
        {
            ("4.1", "4.1", "earned income"), ("4.2", "4.1", "non-employment cash income"), ("4.3", "4.1", "total income"),
            ("4.4", "4.4", "earned income"), ("4.5", "4.4", "non-employment cash income"), ("4.6", "4.4", "total income"),
        })
        {
            var who = adults == "4.1" ? "adults in CoC-funded projects a year or more (system stayers)" : "adults who exited CoC-funded projects (system leavers)";
            Add(table, "C2", N(adults, "C2"), "Universe: " + who);
            Add(table, "C3", N(table, "C3"), $"Of those, adults with increased {income}");
            Percent(table, "C4", N(table, "C3"), N(adults, "C2"), "0.00", $"% of adults with increased {income}");
        }

        foreach (var (table, projects) in new[] { ("5.1", "ES, SH or TH"), ("5.2", "ES, SH, TH or PH") })
        {
            Add(table, "C2", N(table, "C2"), $"Universe: persons with entries into {projects} during the reporting period");
            Add(table, "C3", N(table, "C3"), "Of persons above, those with an ES, SH, TH or PH enrollment in the 24 months before their entry");
            Add(table, "C4", N(table, "C2") - N(table, "C3"), "Of persons above, those with none (homeless for the first time)");
        }

        Add("7a.1", "C2", N("7a.1", "C2"), "Universe: persons who exit street outreach");
        Add("7a.1", "C3", N("7a.1", "C3"), "Of persons above, those who exited to temporary and some institutional destinations");
        Add("7a.1", "C4", N("7a.1", "C4"), "Of persons above, those who exited to permanent housing destinations");
        Percent("7a.1", "C5", N("7a.1", "C3") + N("7a.1", "C4"), N("7a.1", "C2"), "0.#", "% successful exits");

        Add("7b.1", "C2", N("7b.1", "C2"), "Universe: persons in ES, SH, TH and PH-RRH who exited, plus persons in other PH who exited without moving in");
        Add("7b.1", "C3", N("7b.1", "C3"), "Of persons above, those who exited to permanent housing destinations");
        Percent("7b.1", "C4", N("7b.1", "C3"), N("7b.1", "C2"), "0.#", "% successful exits");

        Add("7b.2", "C2", N("7b.2", "C2"), "Universe: persons in PH other than RRH who moved in and stayed, or exited after moving in");
        Add("7b.2", "C3", N("7b.2", "C3"), "Of persons above, those who remained in PH or exited to permanent housing destinations");
        Percent("7b.2", "C4", N("7b.2", "C3"), N("7b.2", "C2"), "0.#", "% successful exits or retention");
        return cells;

        static void LengthOfTime(IEnumerable<(string Table, string Cell, long Count)> counted, List<SpmCell> into)
        {
            foreach (var (table, row, metric, projects) in new[]
            {
                ("1a", 2, "1a.1", "ES and SH"), ("1a", 3, "1a.2", "ES, SH and TH"), ("1b", 2, "1b.1", "ES, SH and PH"), ("1b", 3, "1b.2", "ES, SH, TH and PH"),
            })
            {
                var nights = counted.Where(c => c.Table == "lot:" + metric)
                    .Select(c => (Nights: long.Parse(c.Cell, CultureInfo.InvariantCulture), Persons: c.Count)).OrderBy(c => c.Nights).ToList();
                var persons = nights.Sum(c => c.Persons);
                var r = row.ToString(CultureInfo.InvariantCulture);
                var average = persons == 0 ? 0m : Math.Round((decimal)nights.Sum(c => c.Nights * c.Persons) / persons, 2);
                into.Add(new SpmCell(table, "C" + r, persons.ToString(CultureInfo.InvariantCulture), $"Universe: persons in {projects}"));
                into.Add(new SpmCell(table, "E" + r, average.ToString("0.00", CultureInfo.InvariantCulture), $"Persons in {projects}: average length of time homeless (nights)"));
                into.Add(new SpmCell(table, "H" + r, Median(nights, persons).ToString("0.##", CultureInfo.InvariantCulture), $"Persons in {projects}: median length of time homeless (nights)"));
            }
        }

        static decimal Median(List<(long Nights, long Persons)> sorted, long persons)
        {
            if (persons == 0)
            {
                return 0m;
            }

            long At(long index)
            {
                foreach (var (nights, count) in sorted)
                {
                    if (index < count)
                    {
                        return nights;
                    }

                    index -= count;
                }

                throw new InvalidOperationException("The median lies beyond the counted persons.");
            }

            return (At((persons - 1) / 2) + At(persons / 2)) / 2m;
        }

        void Returns(Dictionary<(string, string), long> counted, List<SpmCell> into)
        {
            long Kind(string column, string kind) => kind switch
            {
                "es" => counted.GetValueOrDefault(("2", column + ":es_ee")) + counted.GetValueOrDefault(("2", column + ":es_nbn")),
                "ph" => counted.GetValueOrDefault(("2", column + ":ph")) + counted.GetValueOrDefault(("2", column + ":rrh")),
                _ => counted.GetValueOrDefault(("2", column + ":" + kind)),
            };

            var rows = ReturnRows.Select(r => (r.Row, r.Label, Exits: Kind("B", r.Kind), Windows: new[] { Kind("C", r.Kind), Kind("E", r.Kind), Kind("G", r.Kind) })).ToList();
            rows.Add((7, "Total returns to homelessness", rows.Sum(r => r.Exits), [rows.Sum(r => r.Windows[0]), rows.Sum(r => r.Windows[1]), rows.Sum(r => r.Windows[2])]));
            string[] windows = ["in less than 6 months (0–180 days)", "from 6 to 12 months (181–365 days)", "from 13 to 24 months (366–730 days)"];
            foreach (var (row, label, exits, counts) in rows)
            {
                var r = row.ToString(CultureInfo.InvariantCulture);
                into.Add(new SpmCell("2", "B" + r, exits.ToString(CultureInfo.InvariantCulture), $"{label}: persons who exited to a permanent housing destination in the 2 years before the report period"));
                for (var w = 0; w < 3; w++)
                {
                    var column = (char)('C' + (2 * w));
                    into.Add(new SpmCell("2", column + r, counts[w].ToString(CultureInfo.InvariantCulture), $"{label}: returns to homelessness {windows[w]}"));
                    into.Add(new SpmCell("2", (char)(column + 1) + r, Format(counts[w], exits), $"{label}: % returning {windows[w]}"));
                }

                var total = counts.Sum();
                into.Add(new SpmCell("2", "I" + r, total.ToString(CultureInfo.InvariantCulture), $"{label}: returns in 2 years"));
                into.Add(new SpmCell("2", "J" + r, Format(total, exits), $"{label}: % returning in 2 years"));
            }
        }

        static string Format(long part, long whole) =>
            (whole == 0 ? 0m : Math.Round(100m * part / whole, 2)).ToString("0.##", CultureInfo.InvariantCulture) + "%";
    }
}
