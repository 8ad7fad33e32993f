using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Storage.Linking;
using Tessera.Storage.Access;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Linkage;

/// <summary>
/// One person of the master person index: every record linked to it, side by side (SSNs as last
/// four digits), its family links, and a manual split — the records ticked become a person of
/// their own in the next run and are never joined to the rest again. Person-level, on record.
/// </summary>
[Requires(Capability.ReviewLinks)]
public sealed class PersonModel(WorkspaceAccess access, RequestAccess request) : PageModel
{
    /// <summary>The person id.</summary>
    public string Id { get; private set; } = "";

    /// <summary>The person's records: where each comes from and its identity values (null: no longer delivered).</summary>
    public IReadOnlyList<(string From, IReadOnlyDictionary<string, string>? Values)> Records { get; private set; } = [];

    /// <summary>Family links: relation as seen from this person, and the other person.</summary>
    public IReadOnlyList<(string Relation, string Other, long Evidence)> Family { get; private set; } = [];

    /// <summary>Positions (in <see cref="Records"/>) of the records to move out.</summary>
    [BindProperty]
    public List<int> Move { get; set; } = [];

    /// <summary>Why, in the reviewer's words.</summary>
    [BindProperty]
    [StringLength(500)]
    public string? Note { get; set; }

    /// <summary>What the last split did, shown once.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>The laws protecting each source's records (FERPA, 42 CFR Part 2), shown beside its records.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Protections { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Shows the person.</summary>
    public IActionResult OnGet(string person)
    {
        if (access.Current is not { } workspace || new PersonIndex(workspace.Vault).RecordsOf(person) is not { Count: > 0 } keys)
        {
            return NotFound();
        }

        request.Record(AuditAction.Read, $"identifiers of person {person}");
        Id = person;
        Records = keys.Select(k => (RecordKey.Origin(k), WorkspaceLinker.IdentityOf(workspace, k))).ToList();
        Protections = Records.Select(r => r.From.Split('/')[0]).Distinct(StringComparer.Ordinal)
            .ToDictionary(source => source, source => ProtectedRecords.LawsOf(workspace, source), StringComparer.Ordinal);
        Family = new PersonIndex(workspace.Vault).FamilyOf(person)
            .Select(l => (Relation(l.Relation, l.PersonA == person), l.PersonA == person ? l.PersonB : l.PersonA, l.Evidence)).ToList();
        return Page();
    }

    /// <summary>Records the split: every ticked record kept apart from every other record of the person.</summary>
    public IActionResult OnPost(string person)
    {
        if (access.Current is not { } workspace || new PersonIndex(workspace.Vault).RecordsOf(person) is not { Count: > 0 } keys)
        {
            return NotFound();
        }

        var moving = Move.Where(i => i >= 0 && i < keys.Count).Distinct().Select(i => keys[i]).ToList();
        if (moving.Count == 0 || moving.Count == keys.Count)
        {
            return BadRequest();
        }

        request.Record(AuditAction.Decide, $"split of person {person}");
        var staying = keys.Except(moving).ToList();
        new PersonIndex(workspace.Vault).Decide([.. moving.SelectMany(m => staying.Select(s => (m, s)))], LinkDecision.NonMatch, request.User.Name, Note ?? "", workspace.UtcNow);
        TempData[nameof(Done)] = string.Create(CultureInfo.InvariantCulture,
            $"Recorded: {moving.Count} record(s) will be a separate person from the next linkage run on, and never joined to the other {staying.Count} again.");
        return RedirectToPage(new { person });
    }

    private static string Relation(string relation, bool fromThisPerson) => relation switch
    {
        "parent" => fromThisPerson ? "parent of" : "child of",
        _ => relation + " of",
    };
}
