using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Intake.Dictionaries;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Dictionaries;

/// <summary>One data dictionary, file by file and field by field.</summary>
[Requires(Capability.ReadReference)]
public sealed class DetailModel(WorkspaceAccess access) : PageModel
{
    /// <summary>The dictionary shown.</summary>
    public SourceDictionary Dictionary { get; private set; } = null!;

    /// <summary>Shows a registered source's dictionary (for HMIS: the newest version) or a shipped one.</summary>
    public IActionResult OnGet(string name)
    {
        var workspace = access.Current;
        if (workspace?.Sources.List().Any(s => s.Name == name) == true)
        {
            Dictionary = workspace.Sources.Dictionaries(name)[0];
            return Page();
        }

        if (DictionaryLibrary.Names.Contains(name))
        {
            Dictionary = DictionaryLibrary.Load(name);
            return Page();
        }

        return NotFound();
    }

    /// <summary>Plain-language sensitivity.</summary>
    public static string Describe(Sensitivity sensitivity) => sensitivity switch
    {
        Sensitivity.DirectIdentifier => "Direct identifier (encrypted)",
        Sensitivity.QuasiIdentifier => "Quasi-identifier",
        Sensitivity.SensitiveAttribute => "Sensitive",
        _ => "",
    };
}
