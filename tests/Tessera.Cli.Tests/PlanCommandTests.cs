namespace Tessera.Cli.Tests;

/// <summary>
/// <c>tessera plan</c> as a facilitator's and an analyst's scripts run it on a demo workspace: the
/// overlap under its promised header with every combination named by its sorted sources, an
/// assessment scored from answers given on the command line and in a file, the inventory imported,
/// re-ranked by a weight and an item promoted to a draft contract; bad input exits 2 naming the file,
/// line and field.
/// </summary>
public sealed class PlanCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tessera-plan-cli-").FullName;

    private string Workspace => Path.Combine(_root, "ws");

    [Fact]
    public async Task A_facilitator_runs_the_assessment_ranks_the_inventory_and_reads_the_overlap()
    {
        var (code, _, error) = await Cli.Run("demo", "--workspace", Workspace, "--people", "3000", "--no-serve");
        Assert.True(code == 0, error);

        (code, var overlap, error) = await Cli.Run("plan", "overlap", "--format", "csv", "--workspace", Workspace);
        Assert.True(code == 0, error);
        var lines = overlap.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("sources,persons,families", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("benefits+", StringComparison.Ordinal));
        Assert.All(lines.Skip(1), l =>
        {
            var sources = l.Split(',')[0].Split('+');
            Assert.Equal(sources.Order(StringComparer.Ordinal), sources);
            Assert.True(long.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture) >= 1, l);
        });

        var trend = (await Ok("plan", "trend", "--format", "csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("year,sources,persons,families", trend[0]);
        Assert.Contains(trend, l => l.StartsWith("2024,", StringComparison.Ordinal));

        var byZip = (await Ok("plan", "overlap", "--by", "zip", "--format", "csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("zip,persons,one_system,several_systems,families,families_several_systems", byZip[0]);
        Assert.Matches("^[0-9]{5},", byZip[1]);
        Assert.Equal("generation,persons,one_system,several_systems,families,families_several_systems",
            (await Ok("plan", "overlap", "--by", "generation", "--format", "csv")).Split('\n')[0].Trim());
        var utilisation = (await Ok("plan", "utilisation", "--by", "source", "--from", "2024-01-01", "--to", "2024-03-31", "--format", "csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("month,source,persons", utilisation[0]);
        Assert.Contains(utilisation, l => l.StartsWith("2024-03,workforce,", StringComparison.Ordinal));
        Assert.Equal("month,program,name,persons", (await Ok("plan", "utilisation", "--format", "csv")).Split('\n')[0].Trim());

        await Ok("plan", "assessment", "new", "--agency", "workforce", "--title", "Workforce agency, spring 2027", "--start", "2027-01-11");
        await Ok("plan", "assessment", "participant", "1", "--name", "Ana", "--team", "program");
        await Ok("plan", "assessment", "participant", "1", "--name", "Bo", "--team", "budget");
        await Ok("plan", "assessment", "answer", "1", "--participant", "Ana", "--answer", "goals.outcomes=3", "--answer", "metrics.outcomes=4");
        await File.WriteAllTextAsync(Path.Combine(_root, "bo.csv"), "question,level,evidence\ngoals.outcomes,1,\"Units, not outcomes\"\nmetrics.outcomes,2,\n");
        await Ok("plan", "assessment", "answer", "1", "--participant", "Bo", "--file", Path.Combine(_root, "bo.csv"));
        var scores = await Ok("plan", "assessment", "show", "1", "--format", "csv");
        Assert.Contains("goals,2,1,3,2", scores, StringComparison.Ordinal);
        Assert.Contains("metrics,3,2,4,2", scores, StringComparison.Ordinal);
        Assert.Contains("To discuss: Outcome goals for the people served", await Ok("plan", "assessment", "show", "1"), StringComparison.Ordinal);

        await File.WriteAllTextAsync(Path.Combine(_root, "inventory.csv"), """
            id,name,kind,program,annual_value,key_date,population,outcome_data,current_performance,size,data,risk,timing,leadership
            I1,Youth employment RFP,procurement,job-training,900000,2027-09-01,Out-of-school youth,workforce enrolments,,3,5,3,5,4
            I2,Adult training renewal,contract,job-training,2400000,2027-09-01,Adults,workforce enrolments,,5,4,4,3,3
            I3,Reentry employment,contract,job-training,1800000,2027-09-01,,,,4,2,5,4,2
            I4,"Job club, small",contract,job-training,600000,2027-09-01,,in the IDS,,2,5,2,2,5
            I5,Reentry services RFP,procurement,job-training,1000000,2027-09-01,,,,3,1,4,5,5
            """);
        await Ok("plan", "inventory", "import", "1", Path.Combine(_root, "inventory.csv"));
        Assert.Equal(["I1", "I2", "I5", "I3", "I4"], Ids(await Ok("plan", "inventory", "rank", "1", "--format", "csv")));
        await Ok("plan", "inventory", "weight", "1", "--criterion", "data", "--weight", "3");
        var ranked = await Ok("plan", "inventory", "rank", "1", "--format", "csv");
        Assert.Equal(["I1", "I2", "I4", "I3", "I5"], Ids(ranked));
        Assert.StartsWith("rank,id,name,kind,program,annual_value,key_date,score,size,data,risk,timing,leadership,short_listed,pilot,rationale,next_steps,contract", ranked, StringComparison.Ordinal);
        Assert.Contains("1,I1,Youth employment RFP,procurement,job-training,900000,2027-09-01,4.29,3,5,3,5,4,yes,yes", ranked, StringComparison.Ordinal);

        await Ok("plan", "inventory", "promote", "1", "--item", "I1", "--contract", "WFY-2027", "--provider", "WF01", "--metric", "wioa-employment-q2", "--target", "0.55");
        var contract = await Ok("contracts", "show", "WFY-2027");
        Assert.Contains("stage plan; value $900000.00", contract, StringComparison.Ordinal);
        Assert.Contains("serves: Out-of-school youth", contract, StringComparison.Ordinal);
        Assert.Contains("(draft contract WFY-2027)", await Ok("plan", "inventory", "rank", "1"), StringComparison.Ordinal);

        foreach (var (arguments, expected) in new (string[], string)[]
        {
            (["plan", "assessment", "answer", "1", "--participant", "Zed", "--answer", "goals.outcomes=2"], "'Zed' is not a participant"),
            (["plan", "assessment", "answer", "1", "--participant", "Ana", "--answer", "goals.outcomes=5"], "the level must be 1 to 4, not 5"),
            (["plan", "assessment", "answer", "1", "--participant", "Ana", "--answer", "goals.outcomes"], "expected QUESTION=LEVEL"),
            (["plan", "assessment", "new", "--agency", "nowhere", "--title", "X", "--start", "2027-01-01"], "no agency 'nowhere'"),
            (["plan", "overlap", "--from", "2025-02-01", "--to", "2025-01-01"], "ends (2025-01-01) before it starts"),
        })
        {
            (code, _, error) = await Cli.Run([.. arguments, "--workspace", Workspace]);
            Assert.Equal(2, code);
            Assert.Contains(expected, error, StringComparison.Ordinal);
        }

        await File.WriteAllTextAsync(Path.Combine(_root, "bad.csv"), "id,name,kind,program,annual_value,key_date,population,outcome_data,current_performance,size,data,risk,timing,leadership\nI9,X,contract,job-training,100,2027-13-01,,,,,,,,\n");
        (code, _, error) = await Cli.Run("plan", "inventory", "import", "1", Path.Combine(_root, "bad.csv"), "--workspace", Workspace);
        Assert.Equal(2, code);
        Assert.Contains("bad.csv, line 2, key_date: expected a date written yyyy-MM-dd, found '2027-13-01'", error, StringComparison.Ordinal);
    }

    private async Task<string> Ok(params string[] arguments)
    {
        var (code, output, error) = await Cli.Run([.. arguments, "--workspace", Workspace]);
        Assert.True(code == 0, $"{string.Join(' ', arguments)}: {error}");
        return output;
    }

    private static string[] Ids(string csv) => [.. csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[1])];

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
