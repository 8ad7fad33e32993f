using System.Text;
using Tessera.Storage.Linking;
using Tessera.Tests;

namespace Tessera.Storage.Tests;

/// <summary>
/// Sources that deliver names encoded as keyed Bloom filters (agency-side PPRL encoding) are
/// ingested through their dictionaries and linked by <c>tessera link</c> like any other.
/// </summary>
public sealed class EncodedIdentifierLinkTests
{
    private static readonly string[] GivenNames =
        ["Maria", "James", "Aisha", "Wei", "Carlos", "Fatima", "John", "Olga", "Kwame", "Sofia", "Liam", "Noor", "Grace", "Omar", "Elena", "Tariq", "Hannah", "Diego", "Mei", "Samuel"];

    private static readonly string[] FamilyNames =
        ["Garcia", "Smith", "Okafor", "Chen", "Rodriguez", "Haddad", "Novak", "Mensah", "Rossi", "Kowalski", "Nguyen", "Brennan", "Silva", "Dubois", "Jensen", "Abara", "Moreau", "Tanaka", "Walsh", "Petrov"];

    private static string Dictionary(string source) => $$"""
        source: {{source}}
        version: 1
        title: {{source}} (names encoded by the agency)
        files:
          - name: clients
            primary_key: [client_id]
            person_key: client_id
            fields:
              - { name: client_id, type: string, required: true }
              - { name: first_name_bf, type: bloom_filter, sensitivity: direct_identifier }
              - { name: last_name_bf, type: bloom_filter, sensitivity: direct_identifier }
              - { name: dob, type: date, format: yyyy-MM-dd, sensitivity: direct_identifier }
              - { name: sex, type: string, codes: { F: Female, M: Male }, sensitivity: quasi_identifier }
            identity: { given_name_clk: first_name_bf, family_name_clk: last_name_bf, birth_date: dob, sex: sex }
        """;

    public static TheoryData<Engine> Engines => new(Engine.Embedded, Engine.PostgreSql);

    [Theory]
    [MemberData(nameof(Engines))]
    public void Encoded_names_with_a_plain_birth_date_link_two_agencies_and_a_bad_filter_is_quarantined(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        test.Workspace.Sources.Add("shelter", Dictionary("shelter"), "shelter.yaml", DateTime.UtcNow);
        test.Workspace.Sources.Add("jobs", Dictionary("jobs"), "jobs.yaml", DateTime.UtcNow);
        var people = People(160);
        var shelter = new StringBuilder("client_id,first_name_bf,last_name_bf,dob,sex\n");
        foreach (var (p, n) in people.Select((p, n) => (p, n)))
        {
            shelter.Append(System.Globalization.CultureInfo.InvariantCulture, $"S{n:000},{TestBloomFilters.Encode(p.Given)},{TestBloomFilters.Encode(p.Family)},{p.Birth},{p.Sex}\n");
        }

        // The job centre knows 100 of them; every tenth spelt with a typo, as a clerk types it.
        var jobs = new StringBuilder("client_id,first_name_bf,last_name_bf,dob,sex\n");
        for (var n = 0; n < 100; n++)
        {
            var p = people[n];
            var family = n % 10 == 0 ? p.Family[..^1] + "e" : p.Family;
            jobs.Append(System.Globalization.CultureInfo.InvariantCulture, $"J{n:000},{TestBloomFilters.Encode(p.Given)},{TestBloomFilters.Encode(family)},{p.Birth},{p.Sex}\n");
        }

        jobs.Append("J999,not a filter!,,1990-01-01,F\n");
        Assert.Equal("accepted", test.Ingest("shelter", test.WriteFolder("s/2024-05", ("clients.csv", Encoding.UTF8.GetBytes(shelter.ToString())))).Status);
        var delivered = test.Ingest("jobs", test.WriteFolder("j/2024-05", ("clients.csv", Encoding.UTF8.GetBytes(jobs.ToString()))));
        Assert.Equal(("accepted", 1L), (delivered.Status, delivered.RowsQuarantined));

        WorkspaceLinker.Run(test.Workspace, "tester@test", new WorkspaceLinkOptions());

        var persons = new PersonIndex(test.Workspace.Vault).Current();
        var joined = Enumerable.Range(0, 100).Count(n => persons[$"shelter/clients/S{n:000}"] == persons[$"jobs/clients/J{n:000}"]);
        Assert.True(joined >= 97, $"{joined} of 100 people joined across the two agencies");
        var distinctShelterPersons = Enumerable.Range(0, people.Count).Select(n => persons[$"shelter/clients/S{n:000}"]).Distinct(StringComparer.Ordinal).Count();
        Assert.Equal(people.Count, distinctShelterPersons);
        Assert.Equal("encoded (Bloom filter)", WorkspaceLinker.IdentityOf(test.Workspace, "jobs/clients/J001")!["given_name_clk"]);
    }

    private static List<(string Given, string Family, string Birth, string Sex)> People(int count)
    {
        var random = new Random(11);
        var people = new List<(string, string, string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (people.Count < count)
        {
            var given = GivenNames[random.Next(GivenNames.Length)];
            var family = FamilyNames[random.Next(FamilyNames.Length)];
            var birth = new DateOnly(1950, 1, 1).AddDays(random.Next(20_000)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            // Each name once: two namesakes born months apart are a judgement call for any linker
            // with four fields, plain or encoded, and not what this test is about.
            if (seen.Add(given + " " + family))
            {
                people.Add((given, family, birth, Array.IndexOf(GivenNames, given) % 2 == 0 ? "F" : "M"));
            }
        }

        return people;
    }
}
