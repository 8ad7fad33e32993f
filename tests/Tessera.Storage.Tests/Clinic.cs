using System.Text;

namespace Tessera.Storage.Tests;

/// <summary>
/// A small made-up source ("clinic": patients and their visits) used by the bad-input tests: every
/// rule kind appears once, and any invalid row rejects the delivery (max_error_share 0), so each
/// case either is accepted or leaves nothing behind.
/// </summary>
internal static class Clinic
{
    public const string Dictionary = """
        source: clinic
        version: 1
        title: Test clinic
        max_error_share: 0
        files:
          - name: patients
            primary_key: [patient_id]
            person_key: patient_id
            fields:
              - { name: patient_id, type: string, required: true }
              - { name: first_name, type: string, required: true, max_length: 30, sensitivity: direct_identifier }
              - { name: last_name, type: string, required: true, max_length: 30, sensitivity: direct_identifier }
              - { name: dob, type: date, format: yyyy-MM-dd, required: true, sensitivity: direct_identifier }
              - { name: ssn, type: string, sensitivity: direct_identifier }
              - { name: sex, type: string, codes: { F: Female, M: Male }, sensitivity: quasi_identifier }
            identity: { given_name: first_name, family_name: last_name, birth_date: dob, ssn: ssn, sex: sex }
          - name: visits
            primary_key: [visit_id]
            person_key: patient_id
            fields:
              - { name: visit_id, type: string, required: true }
              - { name: patient_id, type: string, required: true }
              - { name: visit_date, type: date, format: yyyy-MM-dd, required: true }
              - { name: cost, type: money, min: 0 }
              - { name: minutes, type: integer, min: 0, max: 600 }
              - { name: note, type: string }
            references:
              - { fields: [patient_id], file: patients }
            events:
              - { type: visit, date: visit_date }
        """;

    public const string PatientsHeader = "patient_id,first_name,last_name,dob,ssn,sex";

    public const string VisitsHeader = "visit_id,patient_id,visit_date,cost,minutes,note";

    public static string Patients(params string[] rows) => PatientsHeader + "\n" + string.Concat(rows.Select(r => r + "\n"));

    public static string Visits(params string[] rows) => VisitsHeader + "\n" + string.Concat(rows.Select(r => r + "\n"));

    public static string GoodPatients => Patients("P1,Ada,Lovelace,1985-12-10,123-45-6789,F", "P2,Alan,Turing,1972-06-23,,M");

    public static string GoodVisits => Visits("V1,P1,2024-05-02,120.50,30,checkup", "V2,P2,2024-05-03,80.00,15,");

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static TestWorkspace NewWorkspace(Engine engine = Engine.Embedded)
    {
        var workspace = new TestWorkspace(engine);
        workspace.Workspace.Sources.Add("clinic", Dictionary, "clinic.yaml", DateTime.UtcNow);
        return workspace;
    }

    /// <summary>A month folder "2024-05" holding the two files.</summary>
    public static string Delivery(TestWorkspace workspace, byte[] patients, byte[] visits, string name = "2024-05") =>
        workspace.WriteFolder(Path.Combine(Guid.NewGuid().ToString("N")[..8], name), ("patients.csv", patients), ("visits.csv", visits));
}
